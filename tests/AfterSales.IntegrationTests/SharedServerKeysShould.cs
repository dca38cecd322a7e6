using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using Microsoft.AspNetCore.Hosting;

namespace AfterSales.IntegrationTests;

/// <summary>Several replicas over one database: a token issued by one is good at another.</summary>
public sealed class SharedServerKeysShould : IAsyncLifetime
{
    private readonly AppFactory _first = new();
    private SecondReplica? _second;

    public Task InitializeAsync()
    {
        // The first replica migrates and seeds; the second starts over the same file.
        _ = _first.Server;
        _second = new SecondReplica(_first.DatabasePath, _first.StorageRoot);
        _ = _second.Server;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        if (_second is not null)
        {
            await _second.DisposeAsync();
        }

        await _first.DisposeAsync();
    }

    [Fact]
    public async Task AcceptOnOneReplicaATokenIssuedByAnother()
    {
        var token = await _first.CreateClient().TokenAsync("demo-erp", "demo-erp-secret");

        var onSecond = await _second!.CreateClient().GetWithTokenAsync("/api/v1/me", token);

        Assert.Equal(HttpStatusCode.OK, onSecond.StatusCode);
    }

    [Fact]
    public async Task AnnounceTheSameSigningKeyOnEveryReplica()
    {
        var first = await _first.CreateClient().GetStringAsync("/.well-known/jwks");
        var second = await _second!.CreateClient().GetStringAsync("/.well-known/jwks");

        Assert.Contains("\"kid\"", first, StringComparison.Ordinal);
        Assert.Equal(first, second);
    }

    private sealed class SecondReplica(string databasePath, string storageRoot) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("ConnectionStrings:Default", $"Data Source={databasePath}");
            builder.UseSetting("Storage:Root", storageRoot);
            builder.UseSetting("Database:SeedDemoData", "false");
        }
    }
}
