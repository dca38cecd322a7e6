namespace AfterSales.Modules.Service;

/// <summary>
/// A component another feature shows on the request page, registered as a singleton: with the workflow's buttons (dispatch adds
/// "assign by rules" and "decline") or as a section of its own below the request (work reports). The page passes it the parameters named here.
/// </summary>
public sealed record RequestPagePart(Type Component, RequestPartPlacement Placement = RequestPartPlacement.Actions)
{
    /// <summary>Parameter name: the <see cref="RequestDetail"/> shown.</summary>
    public const string Request = nameof(Request);

    /// <summary>Parameter name: the <see cref="RequestActor"/> looking at it.</summary>
    public const string Actor = nameof(Actor);

    /// <summary>Parameter name: the workflow transitions open to the user now (<c>IReadOnlyList&lt;AvailableTransition&gt;</c>).</summary>
    public const string Transitions = nameof(Transitions);

    /// <summary>Parameter name: an <c>EventCallback</c> that reloads the page after the part changed the request.</summary>
    public const string Changed = nameof(Changed);
}

public enum RequestPartPlacement
{
    /// <summary>Under the workflow's buttons.</summary>
    Actions,

    /// <summary>A section below the request's facts and timeline.</summary>
    Section,
}
