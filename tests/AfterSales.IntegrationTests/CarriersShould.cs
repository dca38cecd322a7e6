using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Rma;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Carriers with tracking pages, offered by the ship-back form, and the shipment it records one click from tracking.</summary>
public sealed class CarriersShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Desk = new("manager-id", "Manager", new HashSet<string> { Roles.Manager, Roles.Agent });

    [Fact]
    public async Task OfferTheTenantsCarriersWhenShippingBackAndLinkTheShipmentToItsTrackingPage()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var carriers = scope.ServiceProvider.GetRequiredService<CarrierBook>();
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("RMA"))!;
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "返厂" }, Desk)).Number!;
        var request = (await desk.GetAsync(number))!;

        foreach (var step in new[] { "Assign", "AwaitShipment", "Receive", "Judge" })
        {
            var values = await ServiceRequestsShould.FillAsync(workflow, request.Id, step, Desk);
            Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, step, values, null, (await desk.GetAsync(number))!.ConcurrencyStamp, Desk)).Status);
        }

        var shipBack = (await workflow.StateAsync(request.Id, Desk))!.Transitions.Single(t => t.Key == "ShipBack");
        var form = await workflow.FormAsync(request.Id, shipBack);
        var carrierField = form.Fields.Single(f => f.Key == "carrier");
        var unknown = new Dictionary<string, string?> { ["carrier"] = "NOPE", ["trackingNumber"] = "1", ["shippedOn"] = "2026-11-20" };
        var refused = await workflow.FireAsync(number, "ShipBack", unknown, null, (await desk.GetAsync(number))!.ConcurrencyStamp, Desk);
        var input = new Dictionary<string, string?> { ["carrier"] = "ZTO", ["trackingNumber"] = "ZT 7788/9", ["shippedOn"] = "2026-11-20" };
        Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(number, "ShipBack", input, null, (await desk.GetAsync(number))!.ConcurrencyStamp, Desk)).Status);
        // The customer's parcel to the factory was recorded when it was sent; the one back is the latest, listed first.
        var shipments = await carriers.ShipmentsAsync(request.Id);
        Assert.Equal(["ShippedBack", "InTransitToFactory"], shipments.Select(s => s.Shipment.Status));
        var (shipment, carrier) = shipments[0];

        Assert.Equal(["SF", "JD", "EMS", "ZTO", "YTO", "STO", "YUNDA", "DEPPON"], (await carriers.ListAsync()).Select(c => c.Code));
        Assert.Equal(AfterSales.Modules.Forms.FieldKind.SingleSelect, carrierField.Kind);
        Assert.Contains(carrierField.Options, o => o.Value == "ZTO" && o.LabelZh == "中通快递");
        Assert.Equal(("ZTO", "ZT 7788/9", new DateOnly(2026, 11, 20), "ShippedBack"), (shipment.CarrierCode, shipment.TrackingNumber, shipment.ShippedOn, shipment.Status));
        Assert.Equal("https://www.kuaidi100.com/chaxun?com=zhongtong&nu=ZT%207788%2F9", carrier!.TrackingLink(shipment.TrackingNumber));
        Assert.Equal((ActionStatus.Invalid, "carrier"), (refused.Status, refused.FieldErrors!.Single().Key));
    }

    [Fact]
    public async Task RefuseBadCarriersAndKeepEachTenantsToItself()
    {
        Guid demoCarrier;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoCarrier = (await demo.ServiceProvider.GetRequiredService<CarrierBook>().ListAsync()).First().Id;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var book = acme.ServiceProvider.GetRequiredService<CarrierBook>();
        var bad = await book.SaveAsync(null, new CarrierInput { Code = "x", NameZh = "", NameEn = "Own", TrackingUrl = "http://track.example/?n=1" }, null);
        var taken = await book.SaveAsync(null, new CarrierInput { Code = "sf", NameZh = "顺丰", NameEn = "SF", TrackingUrl = "https://track.example/{number}" }, null);
        var own = await book.SaveAsync(null, new CarrierInput { Code = "OWN-FLEET", NameZh = "自营车队", NameEn = "Own fleet", TrackingUrl = "https://fleet.acme.example/t/{number}" }, null);

        Assert.Equal(["Code", "NameZh", "TrackingUrl"], bad.Errors!.Keys.Order());
        Assert.Equal("Carriers.Validation.CodeTaken", taken.Errors!["Code"]);
        Assert.Equal(CarrierSaveStatus.Saved, own.Status);
        Assert.Equal("OWN-FLEET", (await book.ListAsync()).Last().Code);
        Assert.False(await book.SetRetiredAsync(demoCarrier, true));
        Assert.Equal(CarrierSaveStatus.NotFound, (await book.SaveAsync(demoCarrier, new CarrierInput { NameZh = "x", NameEn = "x", TrackingUrl = "https://x.example/{number}" }, null)).Status);
        Assert.DoesNotContain(await book.ListAsync(includeRetired: true), c => c.Id == demoCarrier);

        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await admin.GetPageAsync("/t/demo/admin/carriers")).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await agent.GetAsync("/t/demo/admin/carriers")).StatusCode);
    }
}
