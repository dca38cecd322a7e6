namespace AfterSales.Host.Api;

/// <summary>
/// One RSA key of the authorization server, shared by every replica through the database: a token signed or an
/// authorization code encrypted on one replica must be read on another. The private key is stored protected by
/// Data Protection, whose key ring is itself in the database.
/// </summary>
public sealed class ServerKey
{
    public const string Signing = "signing";
    public const string Encryption = "encryption";

    public int Id { get; set; }

    /// <summary><see cref="Signing"/> or <see cref="Encryption"/>; one key per use.</summary>
    public string Use { get; set; } = "";

    public DateTimeOffset CreatedAt { get; set; }

    public string ProtectedPrivateKey { get; set; } = "";
}
