using AfterSales.Modules.Notifications;

namespace AfterSales.Modules.Tests.Notifications;

/// <summary>The bells open on a replica hear about their own user's notifications only, until they close.</summary>
public sealed class InboxSignalShould
{
    [Fact]
    public void CallOnlyTheBellsOfThatUserInThatTenantUntilTheyClose()
    {
        var signal = new InboxSignal();
        var calls = new List<string>();
        var first = signal.Subscribe("demo", "u1", () => calls.Add("first"));
        using var second = signal.Subscribe("demo", "u1", () => calls.Add("second"));
        using var otherTenant = signal.Subscribe("acme", "u1", () => calls.Add("acme"));
        using var otherUser = signal.Subscribe("demo", "u2", () => calls.Add("u2"));

        signal.Notify("demo", "u1");
        first.Dispose();
        first.Dispose();
        signal.Notify("demo", "u1");
        signal.Notify("demo", "nobody");

        Assert.Equal(["first", "second", "second"], calls);
    }
}
