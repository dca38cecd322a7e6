namespace AfterSales.Modules.Shared;

/// <summary>The signed-in staff user or API client, as far as auditing needs to know.</summary>
public interface ICurrentUser
{
    string? Id { get; }
    string? Name { get; }
}
