using System.Security.Cryptography;
using AfterSales.Host.Data;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Server;

namespace AfterSales.Host.Api;

/// <summary>
/// Gives the authorization server the keys kept in the database, creating them on the first start. Runs once per
/// process, when the server's options are first built (the first request to an OpenIddict endpoint or to the API),
/// which is after the start-up migration.
/// </summary>
public sealed class SharedServerKeys(IServiceScopeFactory scopes, IDataProtectionProvider protection, TimeProvider time)
    : IConfigureOptions<OpenIddictServerOptions>
{
    private readonly IDataProtector _protector = protection.CreateProtector("AfterSales.Host.Api.ServerKey");

    public void Configure(OpenIddictServerOptions options)
    {
        using var scope = scopes.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        options.SigningCredentials.Add(new SigningCredentials(Key(db, ServerKey.Signing), SecurityAlgorithms.RsaSha256));
        options.EncryptionCredentials.Add(new EncryptingCredentials(
            Key(db, ServerKey.Encryption), SecurityAlgorithms.RsaOAEP, SecurityAlgorithms.Aes256CbcHmacSha512));
    }

    private RsaSecurityKey Key(AppDbContext db, string use)
    {
        var stored = db.Set<ServerKey>().AsNoTracking().SingleOrDefault(k => k.Use == use) ?? Create(db, use);
        var rsa = RSA.Create();
        rsa.ImportFromPem(_protector.Unprotect(stored.ProtectedPrivateKey));
        // The key id is derived from the public key, so every replica announces the same id for the same key.
        var id = Base64UrlEncoder.Encode(SHA256.HashData(rsa.ExportRSAPublicKey()))[..16];
        return new RsaSecurityKey(rsa) { KeyId = $"{use[..3]}-{id}" };
    }

    private ServerKey Create(AppDbContext db, string use)
    {
        using var rsa = RSA.Create(2048);
        var key = new ServerKey
        {
            Use = use,
            CreatedAt = time.GetUtcNow(),
            ProtectedPrivateKey = _protector.Protect(rsa.ExportRSAPrivateKeyPem()),
        };
        db.Set<ServerKey>().Add(key);
        try
        {
            db.SaveChanges();
            return key;
        }
        catch (DbUpdateException)
        {
            // Another replica starting at the same moment stored its key first (one key per use): take that one.
            db.ChangeTracker.Clear();
            return db.Set<ServerKey>().AsNoTracking().Single(k => k.Use == use);
        }
    }
}
