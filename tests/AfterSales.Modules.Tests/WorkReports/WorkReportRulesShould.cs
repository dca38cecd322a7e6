using AfterSales.Modules.WorkReports;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Modules.Tests.WorkReports;

/// <summary>What a report costs, what it must hold, and which step of the workflow its result takes.</summary>
public sealed class WorkReportRulesShould
{
    private static AvailableTransition Open(WorkflowDefinition definition, string key)
    {
        var t = definition.FindTransition(key)!;
        return new AvailableTransition(t.Key, t.Label, t.To, t.RequiredFields);
    }

    [Fact]
    public void ChargePartsOutsideWarrantyAndTheFeesButOnlyShowTheCoveredParts()
    {
        var charges = WorkReportRules.Total([(2m, 10.005m, true), (1m, 99m, false), (0.5m, 3m, true)], 50m, 20m, 5m);

        Assert.Equal(new Charges(21.51m, 99m, 50m, 20m, 5m, 96.51m), charges);
        Assert.Equal(193.02m, charges.Add(charges).Total);
    }

    [Fact]
    public void TakeTheResolvingStepForASolvedVisitAndTheCountedAttemptOtherwise()
    {
        var onsite = DefaultWorkflows.OnSite();
        IReadOnlyList<AvailableTransition> open = [Open(onsite, "Hold"), Open(onsite, "Process"), Open(onsite, "Fail")];

        Assert.Equal("Process", WorkReportRules.StepFor(WorkResult.Solved, onsite, open)!.Key);
        Assert.Equal("Fail", WorkReportRules.StepFor(WorkResult.NeedsParts, onsite, open)!.Key);
        Assert.Equal("Fail", WorkReportRules.StepFor(WorkResult.NeedsReturnToFactory, onsite, open)!.Key);
        Assert.Null(WorkReportRules.StepFor(WorkResult.Solved, onsite, [Open(onsite, "Hold"), Open(onsite, "Cancel")]));
        Assert.Null(WorkReportRules.StepFor(WorkResult.NotSolved, onsite, [Open(onsite, "Process")]));
    }

    [Fact]
    public void LetADraftBeIncompleteButNeverWrong()
    {
        var input = new WorkReportInput
        {
            VisitedOn = new DateOnly(2026, 11, 23),
            LaborHours = -1,
            TravelFee = 2_000_000m,
            Parts = [new WorkReportPartInput { Name = "Fan", Quantity = 0 }],
        };

        var draft = WorkReportRules.Check(input, submitting: false).Select(p => p.Field).ToList();
        var submit = WorkReportRules.Check(new WorkReportInput { VisitedOn = new DateOnly(2026, 11, 23) }, submitting: true).Select(p => p.Field).ToList();

        Assert.Equal(["LaborHours", "Parts", "TravelFee"], draft.Order());
        Assert.Equal(["FaultCategoryId", "Measures"], submit.Order());
    }

    [Fact]
    public void MakeVerificationCodesThatCannotBeMisread()
    {
        var codes = Enumerable.Range(0, 200).Select(_ => WorkReportRules.NewVerificationCode()).ToList();

        Assert.All(codes, c => Assert.Matches("^[2-9A-HJ-NP-Z]{20}$", c));
        Assert.Equal(codes.Count, codes.Distinct().Count());
    }
}
