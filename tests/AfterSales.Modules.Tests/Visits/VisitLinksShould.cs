using AfterSales.Modules.Visits;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Time.Testing;

namespace AfterSales.Modules.Tests.Visits;

/// <summary>The customer's link: it names its tenant and visit, lasts its lifetime, and cannot be altered or moved to another tenant.</summary>
public sealed class VisitLinksShould
{
    private readonly FakeTimeProvider _clock = new(new DateTimeOffset(2026, 11, 25, 8, 0, 0, TimeSpan.Zero));
    private readonly EphemeralDataProtectionProvider _keys = new();

    [Fact]
    public void ReadBackTheVisitItWasIssuedFor()
    {
        var links = new VisitLinks(_keys, _clock);
        var visit = Guid.NewGuid();

        var read = links.Read(links.Issue("tenant-a", visit), "tenant-a");

        Assert.Equal((VisitLinkState.Valid, visit), (read.State, read.VisitId));
        Assert.Equal(_clock.GetUtcNow() + VisitLinks.Lifetime, read.ExpiresAt);
    }

    [Fact]
    public void ExpireAfterItsLifetime()
    {
        var links = new VisitLinks(_keys, _clock);
        var token = links.Issue("tenant-a", Guid.NewGuid());

        _clock.Advance(VisitLinks.Lifetime - TimeSpan.FromSeconds(1));
        var lastSecond = links.Read(token, "tenant-a").State;
        _clock.Advance(TimeSpan.FromSeconds(1));

        Assert.Equal(VisitLinkState.Valid, lastSecond);
        Assert.Equal(VisitLinkState.Expired, links.Read(token, "tenant-a").State);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("not-a-token")]
    public void RefuseWhatItDidNotIssue(string? token) =>
        Assert.Equal(VisitLinkState.Invalid, new VisitLinks(_keys, _clock).Read(token, "tenant-a").State);

    [Fact]
    public void RefuseATokenWithAnyCharacterChanged()
    {
        var links = new VisitLinks(_keys, _clock);
        var token = links.Issue("tenant-a", Guid.NewGuid());
        var middle = token.Length / 2;
        var tampered = token[..middle] + (token[middle] == 'A' ? 'B' : 'A') + token[(middle + 1)..];

        Assert.Equal(VisitLinkState.Invalid, links.Read(tampered, "tenant-a").State);
        Assert.Equal(VisitLinkState.Invalid, links.Read(token[..^2], "tenant-a").State);
    }

    [Fact]
    public void RefuseATokenOfAnotherTenantOrAnotherDeployment()
    {
        var token = new VisitLinks(_keys, _clock).Issue("tenant-a", Guid.NewGuid());

        Assert.Equal(VisitLinkState.Invalid, new VisitLinks(_keys, _clock).Read(token, "tenant-b").State);
        Assert.Equal(VisitLinkState.Invalid, new VisitLinks(new EphemeralDataProtectionProvider(), _clock).Read(token, "tenant-a").State);
    }

    [Fact]
    public void FitInAUrlPathSegment()
    {
        var token = new VisitLinks(_keys, _clock).Issue("tenant-a", Guid.NewGuid());

        Assert.Equal(token, Uri.EscapeDataString(token));
        Assert.EndsWith(token, VisitLinkPaths.For(token), StringComparison.Ordinal);
    }
}
