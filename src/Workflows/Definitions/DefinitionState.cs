namespace AfterSales.Workflows.Definitions;

/// <summary>Where a definition version is in its life.</summary>
public enum DefinitionState
{
    /// <summary>Being edited in the designer; no instance runs on it.</summary>
    Draft,

    /// <summary>Frozen; new requests start on the newest published version, older ones keep their pinned version.</summary>
    Published,
}
