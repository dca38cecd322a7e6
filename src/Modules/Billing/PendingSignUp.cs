namespace AfterSales.Modules.Billing;

/// <summary>
/// A sign-up waiting for its e-mail to be confirmed. Platform data (no tenant exists yet). Holds the password only as
/// Identity's hash and the confirmation token only as its SHA-256, so the table leaks neither.
/// </summary>
public class PendingSignUp
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string Identifier { get; set; } = "";
    public string CompanyName { get; set; } = "";
    public string AdminName { get; set; } = "";
    public string Email { get; set; } = "";
    public string PasswordHash { get; set; } = "";
    public string Culture { get; set; } = "zh-CN";
    public string TokenHash { get; set; } = "";
    public DateTimeOffset CreatedAt { get; set; }
    public DateTimeOffset ExpiresAt { get; set; }
    public DateTimeOffset? ConfirmedAt { get; set; }
}
