using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Parts;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Part requests end to end on the host: applied for, approved, shipped, received, the old part back and a warranty claim, each
/// a movement and a line on the request's timeline; rejection, a concurrent approval, the roles and the tenant's walls.
/// </summary>
public sealed class PartsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Dispatcher = new("dispatcher-id", "Dispatcher", new HashSet<string> { Roles.Dispatcher });
    private static readonly RequestActor Manager = new("manager-id", "Manager", new HashSet<string> { Roles.Manager });

    [Fact]
    public async Task TakePartsFromApplicationToOldPartAndClaimRecordingEveryMovement()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var parts = scope.ServiceProvider.GetRequiredService<PartDesk>();
        var (engineerId, _) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var engineer = new RequestActor(engineerId, "Engineer", new HashSet<string> { Roles.Engineer });
        var request = await AssignedRequestAsync(scope, engineerId);
        var (fitted, extra) = await TwoPartsAsync(scope);

        var applied = await parts.ApplyAsync(request.Id, new PartApplication
        {
            Reason = "压缩机故障，需更换",
            Lines =
            [
                new PartLineInput { SparePartId = fitted.Id, Quantity = 2, Charging = PartCharging.Warranty, ReturnOldPart = true },
                new PartLineInput { SparePartId = extra.Id, Quantity = 1, Charging = PartCharging.Charged, UnitPrice = 99.5m },
            ],
        }, engineer);
        Assert.Equal(ActionStatus.Done, applied.Status);
        var id = applied.Id!.Value;
        Assert.Equal(ActionStatus.Done, (await parts.ApproveAsync(id, await StampAsync(parts, id), "同意", Manager)).Status);
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Assert.Equal(ActionStatus.Done, (await parts.ShipAsync(id, await StampAsync(parts, id), new ShipmentInput { CarrierCode = "sf", TrackingNumber = " SF1234567 ", ShippedOn = today }, Dispatcher)).Status);
        Assert.Equal(ActionStatus.Done, (await parts.ReceiveAsync(id, await StampAsync(parts, id), engineer)).Status);
        var awaited = (await parts.GetAsync(id))!.OldPartStatus;
        Assert.Equal(ActionStatus.Done, (await parts.ShipOldPartAsync(id, await StampAsync(parts, id), new ShipmentInput { CarrierCode = "ZTO", TrackingNumber = "ZT-1", ShippedOn = today }, engineer)).Status);
        Assert.Equal(ActionStatus.Done, (await parts.ReceiveOldPartAsync(id, await StampAsync(parts, id), Dispatcher)).Status);
        var warrantyLine = (await parts.GetAsync(id))!.Lines.Single(l => l.Charging == PartCharging.Warranty).Id;
        var chargedLine = (await parts.GetAsync(id))!.Lines.Single(l => l.Charging == PartCharging.Charged).Id;
        var claimOnCharged = await parts.FileClaimAsync(id, await StampAsync(parts, id), chargedLine, "厂家", 10m, Agent);
        Assert.Equal(ActionStatus.Done, (await parts.FileClaimAsync(id, await StampAsync(parts, id), warrantyLine, "格力配件公司", fitted.Price * 2, Agent)).Status);
        Assert.Equal(ActionStatus.Done, (await parts.SettleClaimAsync(id, await StampAsync(parts, id), warrantyLine, true, fitted.Price, "按单价赔付一件", Agent)).Status);

        var done = (await parts.GetAsync(id))!;
        var timeline = await scope.ServiceProvider.GetRequiredService<RequestDesk>().TimelineAsync(request.Id);
        var partLines = timeline.Where(e => e.Kind == RequestEventKind.PartMoved).Select(e => PartTimeline.Parse(e.Text)!.Value.Kind).ToList();
        PartMovementKind[] expected =
        [
            PartMovementKind.Applied, PartMovementKind.Approved, PartMovementKind.Shipped, PartMovementKind.Received, PartMovementKind.OldPartShippedBack,
            PartMovementKind.OldPartReceived, PartMovementKind.ClaimFiled, PartMovementKind.ClaimSettled,
        ];

        Assert.Equal($"{request.Number}-P1", done.Number);
        Assert.Equal((PartRequestStatus.Received, OldPartStatus.Received), (done.Status, done.OldPartStatus));
        Assert.Equal(OldPartStatus.Awaited, awaited);
        Assert.Equal(("SF", "SF1234567", today), (done.CarrierCode, done.TrackingNumber, done.ShippedOn));
        Assert.Equal(("ZTO", "ZT-1"), (done.OldPartCarrierCode, done.OldPartTrackingNumber));
        Assert.Equal(expected, done.Movements.Select(m => m.Kind));
        Assert.Equal(["Engineer", "Manager", "Dispatcher", "Engineer", "Engineer", "Dispatcher", "Agent", "Agent"], done.Movements.Select(m => m.By));
        Assert.Equal(expected, partLines);
        Assert.All(timeline.Where(e => e.Kind == RequestEventKind.PartMoved), e => Assert.EndsWith(done.Number, e.Text, StringComparison.Ordinal));
        var warranty = done.Lines.Single(l => l.Id == warrantyLine);
        Assert.Equal((fitted.Code, fitted.Price, 2, true), (warranty.PartCode, warranty.UnitPrice, warranty.Quantity, warranty.ReturnOldPart));
        Assert.Equal((PartClaimStatus.Accepted, "格力配件公司", (decimal?)fitted.Price), (warranty.ClaimStatus, warranty.ClaimSupplier, warranty.ClaimAmount));
        Assert.Equal(99.5m, done.ChargedTotal);
        Assert.Equal((ActionStatus.Invalid, "Parts.Error.NotClaimable"), (claimOnCharged.Status, claimOnCharged.ErrorKey));

        // The list finds it by the service request's number and by a part, and not once it is done.
        var byNumber = await parts.SearchAsync(new PartRequestQuery(request.Number, PartListFilter.All), Manager);
        var byPart = await parts.SearchAsync(new PartRequestQuery(extra.Code, PartListFilter.All, Take: 100), Manager);
        var open = await parts.SearchAsync(new PartRequestQuery(request.Number), Manager);
        Assert.Equal([id], byNumber.Items.Select(p => p.Id));
        Assert.Contains(byPart.Items, p => p.Id == id);
        Assert.Empty(open.Items);
    }

    [Fact]
    public async Task RejectWithAReasonAndShipNothingRejected()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var parts = scope.ServiceProvider.GetRequiredService<PartDesk>();
        var request = await NewRequestAsync(scope, "Rejected parts");
        var (part, _) = await TwoPartsAsync(scope);
        var id = (await parts.ApplyAsync(request.Id, Application(part.Id, returnOld: true), Agent)).Id!.Value;

        var withoutReason = await parts.RejectAsync(id, await StampAsync(parts, id), "  ", Manager);
        var rejected = await parts.RejectAsync(id, await StampAsync(parts, id), "库存不足，改用替代件", Manager);
        var shipped = await parts.ShipAsync(id, await StampAsync(parts, id), new ShipmentInput { CarrierCode = "SF", TrackingNumber = "1", ShippedOn = DateOnly.FromDateTime(DateTime.UtcNow) }, Dispatcher);
        var approved = await parts.ApproveAsync(id, await StampAsync(parts, id), null, Manager);
        var after = (await parts.GetAsync(id))!;

        Assert.Equal((ActionStatus.Invalid, "Parts.Validation.RejectReason"), (withoutReason.Status, withoutReason.ErrorKey));
        Assert.Equal(ActionStatus.Done, rejected.Status);
        Assert.Equal((ActionStatus.Invalid, "Parts.Error.NotApproved"), (shipped.Status, shipped.ErrorKey));
        Assert.Equal((ActionStatus.Invalid, "Parts.Error.NotPending"), (approved.Status, approved.ErrorKey));
        Assert.Equal((PartRequestStatus.Rejected, "库存不足，改用替代件", OldPartStatus.NotRequired), (after.Status, after.DecisionNote, after.OldPartStatus));
        Assert.Equal([PartMovementKind.Applied, PartMovementKind.Rejected], after.Movements.Select(m => m.Kind));
    }

    [Fact]
    public async Task RefuseAnApprovalMadeOnAStaleCopyAndLetOnlyOneOfTwoAtOnceThrough()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var parts = scope.ServiceProvider.GetRequiredService<PartDesk>();
        var (part, _) = await TwoPartsAsync(scope);
        var first = (await parts.ApplyAsync((await NewRequestAsync(scope, "Stale")).Id, Application(part.Id), Agent)).Id!.Value;
        var second = (await parts.ApplyAsync((await NewRequestAsync(scope, "At once")).Id, Application(part.Id), Agent)).Id!.Value;

        // Two managers opened the same part request; the second one's copy is stale once the first approved.
        var loaded = await StampAsync(parts, first);
        var one = await parts.ApproveAsync(first, loaded, null, Manager);
        var other = await parts.RejectAsync(first, loaded, "不需要", Manager with { UserId = "manager-2", Name = "Manager 2" });

        // Both read the same stamp and save together: the database's concurrency check lets one through.
        var stamp = await StampAsync(parts, second);
        var results = await Task.WhenAll(Enumerable.Range(0, 2).Select(async i =>
        {
            await using var own = await factory.TenantScopeAsync("demo");
            return await own.ServiceProvider.GetRequiredService<PartDesk>().ApproveAsync(second, stamp, $"#{i}", Manager);
        }));

        Assert.Equal(ActionStatus.Done, one.Status);
        Assert.Equal((ActionStatus.Conflict, "Parts.Error.Conflict"), (other.Status, other.ErrorKey));
        Assert.Equal(PartRequestStatus.Approved, (await parts.GetAsync(first))!.Status);
        Assert.Equal([ActionStatus.Done, ActionStatus.Conflict], results.Select(r => r.Status).Order());
        Assert.Single((await parts.GetAsync(second))!.Movements, m => m.Kind == PartMovementKind.Approved);
    }

    [Fact]
    public async Task LetAnEngineerApplyOnlyOnTheirOwnRequestAndNeverDecideShipOrList()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var parts = scope.ServiceProvider.GetRequiredService<PartDesk>();
        var (engineerId, otherEngineerId) = await AssignmentRulesShould.EngineersAsync(scope, "demo");
        var engineer = new RequestActor(engineerId, "Engineer", new HashSet<string> { Roles.Engineer });
        var (part, _) = await TwoPartsAsync(scope);
        var theirs = await AssignedRequestAsync(scope, engineerId);
        var someoneElses = await AssignedRequestAsync(scope, otherEngineerId);
        var unassigned = await NewRequestAsync(scope, "Nobody's");

        var onOther = await parts.ApplyAsync(someoneElses.Id, Application(part.Id), engineer);
        var onUnassigned = await parts.ApplyAsync(unassigned.Id, Application(part.Id), engineer);
        var own = await parts.ApplyAsync(theirs.Id, Application(part.Id), engineer);
        var id = own.Id!.Value;
        var approve = await parts.ApproveAsync(id, await StampAsync(parts, id), null, engineer);
        var reject = await parts.RejectAsync(id, await StampAsync(parts, id), "no", engineer);
        var agentApproves = await parts.ApproveAsync(id, await StampAsync(parts, id), null, Agent);
        await parts.ApproveAsync(id, await StampAsync(parts, id), null, Manager);
        var ship = await parts.ShipAsync(id, await StampAsync(parts, id), new ShipmentInput { CarrierCode = "SF", TrackingNumber = "1", ShippedOn = DateOnly.FromDateTime(DateTime.UtcNow) }, engineer);
        var list = await parts.SearchAsync(new PartRequestQuery(Filter: PartListFilter.All), engineer);
        var invalid = await parts.ApplyAsync(theirs.Id, new PartApplication { Reason = " ", Lines = [new PartLineInput { SparePartId = Guid.NewGuid(), Quantity = 0 }] }, engineer);

        Assert.Equal(ActionStatus.NotAllowed, onOther.Status);
        Assert.Equal(ActionStatus.NotAllowed, onUnassigned.Status);
        Assert.Equal(ActionStatus.Done, own.Status);
        Assert.Equal([ActionStatus.NotAllowed, ActionStatus.NotAllowed, ActionStatus.NotAllowed, ActionStatus.NotAllowed],
            new[] { approve.Status, reject.Status, agentApproves.Status, ship.Status });
        Assert.Equal(PartRequestStatus.Approved, (await parts.GetAsync(id))!.Status);
        Assert.Empty(list.Items);
        Assert.Equal(["Lines[0].Part", "Lines[0].Quantity", "Reason"], invalid.Errors!.Keys.Order(StringComparer.Ordinal));

        var manager = factory.CreateBrowser();
        await manager.LoginAsync("/t/demo", "manager@demo.example");
        var engineerBrowser = factory.CreateBrowser();
        await engineerBrowser.LoginAsync("/t/demo", "engineer@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await manager.GetPageAsync("/t/demo/parts")).Response.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await engineerBrowser.GetAsync("/t/demo/parts")).StatusCode);
    }

    [Fact]
    public async Task KeepAnotherTenantsPartRequestsOutOfReachAndOutOfTheList()
    {
        Guid id;
        string stamp;
        Guid requestId;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            var (part, _) = await TwoPartsAsync(demo);
            requestId = (await NewRequestAsync(demo, "Demo's parts")).Id;
            var demoParts = demo.ServiceProvider.GetRequiredService<PartDesk>();
            id = (await demoParts.ApplyAsync(requestId, Application(part.Id), Agent)).Id!.Value;
            stamp = await StampAsync(demoParts, id);
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var parts = acme.ServiceProvider.GetRequiredService<PartDesk>();
        var (acmePart, _) = await TwoPartsAsync(acme);

        Assert.Null(await parts.GetAsync(id));
        Assert.Equal(ActionStatus.NotFound, (await parts.ApproveAsync(id, stamp, null, Manager)).Status);
        Assert.Equal(ActionStatus.NotFound, (await parts.ApplyAsync(requestId, Application(acmePart.Id), Agent)).Status);
        Assert.Empty(await parts.ForRequestAsync(requestId));
        Assert.DoesNotContain((await parts.SearchAsync(new PartRequestQuery(Filter: PartListFilter.All, Take: 100), Manager)).Items, p => p.Id == id);
        Assert.Equal(0, (await parts.SearchAsync(new PartRequestQuery("SR-", PartListFilter.All), Manager)).Items.Count(p => p.Id == id));

        await using var again = await factory.TenantScopeAsync("demo");
        Assert.Equal(PartRequestStatus.Applied, (await again.ServiceProvider.GetRequiredService<PartDesk>().GetAsync(id))!.Status);
    }

    private static PartApplication Application(Guid partId, bool returnOld = false) => new()
    {
        Reason = "更换", Lines = [new PartLineInput { SparePartId = partId, Quantity = 1, Charging = PartCharging.Warranty, ReturnOldPart = returnOld }],
    };

    private static async Task<string> StampAsync(PartDesk parts, Guid id) => (await parts.GetAsync(id))!.ConcurrencyStamp;

    private static async Task<(PartRow First, PartRow Second)> TwoPartsAsync(AsyncServiceScope scope)
    {
        var found = (await scope.ServiceProvider.GetRequiredService<SparePartCatalog>().SearchAsync(new PartQuery(IncludeInactive: false, Take: 2))).Items;
        return (found[0], found[1]);
    }

    private static async Task<RequestDetail> NewRequestAsync(AsyncServiceScope scope, string subject)
    {
        var tenant = scope.ServiceProvider.GetRequiredService<AfterSales.Tenancy.ITenantContext>().Tenant!.Identifier;
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var result = await desk.CreateAsync(new RequestInput { ServiceTypeId = type, CustomerCode = tenant == "demo" ? "C1001" : "AC-501", Subject = subject }, Agent);
        Assert.Equal(RequestSaveStatus.Saved, result.Status);
        return (await desk.GetAsync(result.Number!))!;
    }

    private static async Task<RequestDetail> AssignedRequestAsync(AsyncServiceScope scope, string engineerId)
    {
        var request = await NewRequestAsync(scope, "Needs parts");
        var workflow = scope.ServiceProvider.GetRequiredService<RequestWorkflow>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var values = await ServiceRequestsShould.FillAsync(workflow, request.Id, "Assign", Dispatcher);
        values[TransitionForm.AssigneeField] = engineerId;
        Assert.Equal(ActionStatus.Done, (await workflow.FireAsync(request.Number, "Assign", values, null, request.ConcurrencyStamp, Dispatcher)).Status);
        return (await desk.GetAsync(request.Number))!;
    }
}
