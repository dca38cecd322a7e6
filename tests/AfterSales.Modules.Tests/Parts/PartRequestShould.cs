using AfterSales.Modules.Parts;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Tests.Parts;

/// <summary>A part request's steps in their order, the old part it waits for, claims on warranty lines, and who may take each step.</summary>
public sealed class PartRequestShould
{
    private static readonly DateTimeOffset Now = new(2026, 11, 23, 8, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 11, 23);
    private static readonly RequestActor Desk = new("agent", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Boss = new("manager", "Manager", new HashSet<string> { Roles.Manager });
    private static readonly RequestActor Engineer = new("engineer", "Engineer", new HashSet<string> { Roles.Engineer });

    [Fact]
    public void MoveOnlyToItsNextStepAndRecordEachMove()
    {
        var request = Applied(returnOld: true);

        Assert.Equal("Parts.Error.NotApproved", request.Ship("SF", "1", Today, Today, Desk, Now));
        Assert.Equal("Parts.Error.NotShipped", request.Receive(Desk, Now));
        Assert.Null(request.Approve(null, Boss, Now.AddHours(1)));
        Assert.Equal("Parts.Error.NotPending", request.Reject("late", Boss, Now));
        Assert.Equal("Parts.Validation.Tracking", request.Ship("SF", " ", Today, Today, Desk, Now));
        Assert.Equal("Parts.Validation.ShippedOn", request.Ship("SF", "1", Today.AddDays(1), Today, Desk, Now));
        Assert.Null(request.Ship("SF", " SF1 ", Today, Today, Desk, Now.AddHours(2)));
        Assert.Equal(OldPartStatus.Pending, request.OldPartStatus);
        Assert.Equal("Parts.Error.OldPartNotAwaited", request.ShipOldPart("SF", "2", Today, Today, Engineer, Now));
        Assert.Null(request.Receive(Engineer, Now.AddHours(3)));
        Assert.Equal(OldPartStatus.Awaited, request.OldPartStatus);
        Assert.Null(request.ShipOldPart("ZTO", "ZT9", Today, Today, Engineer, Now.AddHours(4)));
        Assert.Null(request.ReceiveOldPart(Desk, Now.AddHours(5)));

        Assert.Equal("SF1", request.TrackingNumber);
        Assert.Equal(OldPartStatus.Received, request.OldPartStatus);
        Assert.Equal(Now.AddHours(5), request.LastMovementAt);
        Assert.Equal(
            [PartMovementKind.Applied, PartMovementKind.Approved, PartMovementKind.Shipped, PartMovementKind.Received, PartMovementKind.OldPartShippedBack, PartMovementKind.OldPartReceived],
            request.Movements.Select(m => m.Kind));
    }

    [Fact]
    public void ChangeItsStampOnEveryMoveSoAStaleCopyIsRecognised()
    {
        var request = Applied();
        var loaded = request.ConcurrencyStamp;
        request.Approve("ok", Boss, Now);

        Assert.NotEqual(loaded, request.ConcurrencyStamp);
    }

    [Fact]
    public void AwaitNoOldPartOnceRejectedAndWaiveOnlyWithAReason()
    {
        var rejected = Applied(returnOld: true);
        var waived = Applied(returnOld: true);

        Assert.Equal("Parts.Validation.RejectReason", rejected.Reject(" ", Boss, Now));
        Assert.Null(rejected.Reject("库存不足", Boss, Now));
        Assert.Equal("Parts.Validation.WaiveReason", waived.WaiveOldPart(null, Boss, Now));
        Assert.Null(waived.WaiveOldPart("客户留存", Boss, Now));

        Assert.Equal(OldPartStatus.NotRequired, rejected.OldPartStatus);
        Assert.Equal((OldPartStatus.Waived, "客户留存"), (waived.OldPartStatus, waived.OldPartWaiver));
        Assert.Equal("Parts.Error.OldPartNotAwaited", Applied(returnOld: false).WaiveOldPart("x", Boss, Now));
    }

    [Fact]
    public void ClaimOnlyAReceivedWarrantyLineOnceAndSettleIt()
    {
        var request = Applied();
        var line = request.Lines[0].Id;
        Assert.Equal("Parts.Error.NotClaimable", request.FileClaim(line, "厂家", 10m, Desk, Now));
        request.Approve(null, Boss, Now);
        request.Ship("SF", "1", Today, Today, Desk, Now);
        request.Receive(Desk, Now);

        Assert.Equal("Parts.Validation.ClaimAmount", request.FileClaim(line, "厂家", 0m, Desk, Now));
        Assert.Equal("Parts.Validation.ClaimAmount", request.FileClaim(line, "厂家", 1.005m, Desk, Now));
        Assert.Equal("Parts.Validation.Supplier", request.FileClaim(line, " ", 10m, Desk, Now));
        Assert.Equal("Parts.Error.NoClaimFiled", request.SettleClaim(line, true, 10m, null, Desk, Now));
        Assert.Null(request.FileClaim(line, "厂家", 10m, Desk, Now));
        Assert.Equal("Parts.Error.AlreadyClaimed", request.FileClaim(line, "厂家", 10m, Desk, Now));
        Assert.Equal("Parts.Validation.ClaimRejectReason", request.SettleClaim(line, false, 0m, null, Desk, Now));
        Assert.Null(request.SettleClaim(line, false, 0m, "超出保修期", Desk, Now));

        Assert.Equal((PartClaimStatus.Rejected, (decimal?)0m), (request.Lines[0].ClaimStatus, request.Lines[0].ClaimAmount));
        Assert.Equal([PartMovementKind.ClaimFiled, PartMovementKind.ClaimSettled], request.Movements.TakeLast(2).Select(m => m.Kind));
    }

    [Fact]
    public void ChargeTheCustomerOnlyForChargedLines()
    {
        var request = PartRequest.Apply(Guid.NewGuid(), "SR-20261123-0001", 1, "换件",
        [
            new PartRequestLine { PartCode = "A", Quantity = 2, UnitPrice = 10.5m, Charging = PartCharging.Charged },
            new PartRequestLine { PartCode = "B", Quantity = 3, UnitPrice = 100m, Charging = PartCharging.Warranty },
        ], Desk, Now);

        Assert.Equal(21m, request.ChargedTotal);
        Assert.Equal([1, 2], request.Lines.Select(l => l.LineNo));
        Assert.Equal("SR-20261123-0001-P1", request.Number);
    }

    [Fact]
    public void NameEachInvalidFieldOfAnApplication()
    {
        var part = Guid.NewGuid();
        var errors = PartRules.Validate(new PartApplication
        {
            Reason = "",
            Lines =
            [
                new PartLineInput { SparePartId = part, Quantity = 0 },
                new PartLineInput { SparePartId = part, Quantity = 1, UnitPrice = -1m },
            ],
        });

        Assert.Equal(["Lines", "Lines[0].Quantity", "Lines[1].UnitPrice", "Reason"], errors.Keys.Order(StringComparer.Ordinal));
        Assert.Equal("Parts.Validation.DuplicateLine", errors["Lines"]);
        Assert.Equal("Parts.Validation.Lines", PartRules.Validate(new PartApplication { Reason = "x" })["Lines"]);
        Assert.Empty(PartRules.Validate(new PartApplication { Reason = "x", Lines = [new PartLineInput { SparePartId = part, Quantity = 999, UnitPrice = 0.99m }] }));
    }

    [Fact]
    public void LetEachRoleTakeOnlyItsSteps()
    {
        Assert.True(PartRules.CanApply(Engineer, "engineer"));
        Assert.False(PartRules.CanApply(Engineer, "someone-else"));
        Assert.False(PartRules.CanApply(Engineer, null));
        Assert.True(PartRules.CanApply(Desk, null));
        Assert.False(PartRules.CanDecide(Engineer));
        Assert.False(PartRules.CanDecide(Desk));
        Assert.True(PartRules.CanDecide(Boss));
        Assert.True(PartRules.CanDecide(new RequestActor("a", "Admin", new HashSet<string> { Roles.TenantAdmin })));
        Assert.False(PartRules.CanShip(Engineer));
        Assert.True(PartRules.CanShip(new RequestActor("d", "Dispatcher", new HashSet<string> { Roles.Dispatcher })));
        Assert.True(PartRules.CanReceive(Engineer, "engineer"));
        Assert.False(PartRules.CanReceive(Engineer, "other"));
        Assert.False(PartRules.CanWaiveOldPart(Desk));
        Assert.False(PartRules.CanList(Engineer));
    }

    [Theory]
    [InlineData(0.5, 0, false)]
    [InlineData(23.9, 23, false)]
    [InlineData(24, 1, true)]
    [InlineData(24 * 8.5, 8, true)]
    public void ShowAnAgeInHoursUntilADayThenInDays(double hours, int value, bool inDays) =>
        Assert.Equal((value, inDays), PartRules.Age(TimeSpan.FromHours(hours)));

    [Fact]
    public void CallAWaitOverdueAfterAWeekAndOnlyWhileSomethingIsAwaited()
    {
        Assert.False(PartRules.IsOverdue(TimeSpan.FromDays(7)));
        Assert.True(PartRules.IsOverdue(TimeSpan.FromDays(7.1)));
        Assert.True(PartRules.IsOpen(PartRequestStatus.Received, OldPartStatus.Awaited));
        Assert.False(PartRules.IsOpen(PartRequestStatus.Received, OldPartStatus.Waived));
        Assert.False(PartRules.IsOpen(PartRequestStatus.Rejected, OldPartStatus.NotRequired));
    }

    [Fact]
    public void ReadItsOwnTimelineLinesBack()
    {
        Assert.Equal((PartMovementKind.OldPartShippedBack, "SR-20261123-0001-P2"), PartTimeline.Parse(PartTimeline.Text(PartMovementKind.OldPartShippedBack, "SR-20261123-0001-P2")));
        Assert.Null(PartTimeline.Parse("张三"));
        Assert.Null(PartTimeline.Parse(null));
    }

    private static PartRequest Applied(bool returnOld = false) => PartRequest.Apply(Guid.NewGuid(), "SR-20261123-0001", 1, "压缩机坏了",
        [new PartRequestLine { PartCode = "P-1", PartName = "压缩机", Quantity = 1, UnitPrice = 800m, Charging = PartCharging.Warranty, ReturnOldPart = returnOld }], Engineer, Now);
}
