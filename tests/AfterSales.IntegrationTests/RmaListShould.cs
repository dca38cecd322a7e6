using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Rma;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The returns-to-factory list: how long each request has been in its step (from its timeline) and in total, on a clock the test moves.</summary>
public sealed class RmaListShould(ClockAppFactory factory) : IClassFixture<ClockAppFactory>
{
    private static readonly RequestActor Desk = new("manager-id", "Manager", new HashSet<string> { Roles.Manager, Roles.Agent });

    [Fact]
    public async Task CountTheAgeInTheCurrentStepFromWhenTheRequestEnteredItAndFlagALongWait()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var returns = scope.ServiceProvider.GetRequiredService<ReturnsToFactory>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var rma = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("RMA"))!;
        var onsite = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = rma.Id, CustomerCode = "C1001", Subject = "压缩机返厂" }, Desk)).Number!;
        var notReturned = (await desk.CreateAsync(new RequestInput { ServiceTypeId = onsite.Id, CustomerCode = "C1001", Subject = "上门" }, Desk)).Number!;

        async Task FireAsync(string step)
        {
            var request = (await desk.GetAsync(number))!;
            var values = await ServiceRequestsShould.FillAsync(workflow, request.Id, step, Desk);
            Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, step, values, null, request.ConcurrencyStamp, Desk)).Status);
        }

        factory.Clock.Advance(TimeSpan.FromDays(2));
        await FireAsync("Assign");
        factory.Clock.Advance(TimeSpan.FromHours(25));
        await FireAsync("AwaitShipment");
        factory.Clock.Advance(TimeSpan.FromDays(3) + TimeSpan.FromHours(5));
        var fresh = await RowAsync(returns, number);
        factory.Clock.Advance(TimeSpan.FromDays(5));
        var overdue = await RowAsync(returns, number);
        var filtered = await returns.SearchAsync(new RmaQuery("InTransitToFactory", number));
        var otherStatus = await returns.SearchAsync(new RmaQuery("ReceivedAtFactory", number));
        await FireAsync("Receive");
        factory.Clock.Advance(TimeSpan.FromHours(3));
        var received = await RowAsync(returns, number);
        var all = await returns.SearchAsync(new RmaQuery(RmaQuery.AnyStatus, Take: 100));

        Assert.Equal(("InTransitToFactory", 3, false), (fresh.Status.Key, (int)fresh.InStep.TotalDays, fresh.IsOverdue));
        Assert.Equal(TimeSpan.FromDays(3) + TimeSpan.FromHours(5), fresh.InStep);
        Assert.Equal(TimeSpan.FromDays(8) + TimeSpan.FromHours(5), overdue.InStep);
        Assert.True(overdue.IsOverdue);
        Assert.Equal(TimeSpan.FromDays(11) + TimeSpan.FromHours(6), overdue.Total);
        Assert.Equal([number], filtered.Items.Select(r => r.Number));
        Assert.Empty(otherStatus.Items);
        Assert.Equal(("ReceivedAtFactory", TimeSpan.FromHours(3), false), (received.Status.Key, received.InStep, received.IsOverdue));
        Assert.Equal("C1001", (await desk.GetAsync(number))!.CustomerCode);
        Assert.NotNull(received.CustomerName);
        Assert.DoesNotContain(all.Items, r => r.Number == notReturned);
    }

    [Fact]
    public async Task ShowTheLatestParcelWithItsTrackingLinkAndKeepOtherTenantsOut()
    {
        string number;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var desk = demo.ServiceProvider.GetRequiredService<RequestDesk>();
            var workflow = demo.ServiceProvider.GetRequiredService<RequestWorkflow>();
            var rma = (await demo.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("RMA"))!;
            number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = rma.Id, CustomerCode = "C1001", Subject = "寄回" }, Desk)).Number!;
            foreach (var step in new[] { "Assign", "AwaitShipment", "Receive", "Judge" })
            {
                var request = (await desk.GetAsync(number))!;
                var values = await ServiceRequestsShould.FillAsync(workflow, request.Id, step, Desk);
                Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, step, values, null, request.ConcurrencyStamp, Desk)).Status);
            }

            // The customer's parcel in was recorded too; the one back is later.
            factory.Clock.Advance(TimeSpan.FromHours(1));
            var input = new Dictionary<string, string?> { ["carrier"] = "JD", ["trackingNumber"] = "JD0001", ["shippedOn"] = "2026-11-20" };
            Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, "ShipBack", input, null, (await desk.GetAsync(number))!.ConcurrencyStamp, Desk)).Status);
            var row = Assert.Single((await demo.ServiceProvider.GetRequiredService<ReturnsToFactory>().SearchAsync(new RmaQuery(Search: number))).Items);

            Assert.Equal(("ShippedBack", "JD", "JD0001"), (row.Status.Key, row.LatestShipment!.CarrierCode, row.LatestShipment.TrackingNumber));
            Assert.Equal("https://www.kuaidi100.com/chaxun?com=jd&nu=JD0001", row.Carrier!.TrackingLink(row.LatestShipment.TrackingNumber));
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeRows = await acme.ServiceProvider.GetRequiredService<ReturnsToFactory>().SearchAsync(new RmaQuery(RmaQuery.AnyStatus, Take: 100));
        Assert.DoesNotContain(acmeRows.Items, r => r.Number == number);

        var engineer = factory.CreateBrowser();
        await engineer.LoginAsync("/t/demo", "engineer@demo.example");
        Assert.Equal(System.Net.HttpStatusCode.OK, (await engineer.GetPageAsync("/t/demo/rma")).Response.StatusCode);
    }

    private static async Task<RmaRow> RowAsync(ReturnsToFactory returns, string number) =>
        Assert.Single((await returns.SearchAsync(new RmaQuery(Search: number))).Items);
}

/// <summary>The host on a clock the test moves, so ages are exact.</summary>
public sealed class ClockAppFactory : AppFactory
{
    // Whole seconds: SQLite keeps times as packed ticks that drop the last few digits, and the ages are compared exactly.
    public MovableClock Clock { get; } = new(DateTimeOffset.FromUnixTimeSeconds(DateTimeOffset.UtcNow.ToUnixTimeSeconds()));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(Clock));
    }
}

public sealed class MovableClock(DateTimeOffset start) : TimeProvider
{
    private DateTimeOffset _now = start;

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now += by;
}
