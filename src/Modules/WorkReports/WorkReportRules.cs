using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Modules.WorkReports;

/// <summary>What a work report must hold, what it costs the customer, and which workflow step its result takes.</summary>
public static class WorkReportRules
{
    public const int TextLength = 2000;
    public const int MaxParts = 50;
    public const decimal MaxLaborHours = 200m;
    public const decimal MaxAmount = 1_000_000m;
    public const decimal MaxQuantity = 10_000m;

    /// <summary>
    /// Problems that keep the report from being saved (<paramref name="submitting"/> false) or submitted: each as a text key with the
    /// field it belongs to, so the form can show it there. A draft may be incomplete but never wrong.
    /// </summary>
    public static IReadOnlyList<(string Field, string Key)> Check(WorkReportInput input, bool submitting)
    {
        var problems = new List<(string, string)>();
        if (submitting && input.FaultCategoryId is null)
        {
            problems.Add((nameof(input.FaultCategoryId), "Validation.FaultCategory"));
        }

        if (submitting && string.IsNullOrWhiteSpace(input.Measures))
        {
            problems.Add((nameof(input.Measures), "Validation.Measures"));
        }

        if (input.Measures?.Length > TextLength || input.CustomerRemark?.Length > TextLength)
        {
            problems.Add((nameof(input.Measures), "Validation.TooLong"));
        }

        if (input.LaborHours is < 0 or > MaxLaborHours)
        {
            problems.Add((nameof(input.LaborHours), "Validation.LaborHours"));
        }

        foreach (var (field, amount) in new[] { (nameof(input.LaborFee), input.LaborFee), (nameof(input.TravelFee), input.TravelFee), (nameof(input.OtherFee), input.OtherFee) })
        {
            if (amount is < 0 or > MaxAmount)
            {
                problems.Add((field, "Validation.Amount"));
            }
        }

        if (input.OtherFee > 0 && string.IsNullOrWhiteSpace(input.OtherFeeNote))
        {
            problems.Add((nameof(input.OtherFeeNote), "Validation.OtherFeeNote"));
        }

        if (input.Parts.Count > MaxParts)
        {
            problems.Add((nameof(input.Parts), "Validation.TooManyParts"));
        }

        if (input.Parts.Any(p => p.Quantity is <= 0 or > MaxQuantity || p.UnitPrice is < 0 or > MaxAmount || string.IsNullOrWhiteSpace(p.Name)))
        {
            problems.Add((nameof(input.Parts), "Validation.PartLine"));
        }

        if (input.VisitedOn is null)
        {
            problems.Add((nameof(input.VisitedOn), "Validation.VisitedOn"));
        }

        return problems;
    }

    /// <summary>What the visit costs the customer: charged parts and the fees; parts under warranty are shown but cost nothing.</summary>
    public static Charges Total(IEnumerable<(decimal Quantity, decimal UnitPrice, bool Charged)> parts, decimal laborFee, decimal travelFee, decimal otherFee)
    {
        var lines = parts.Select(p => (Amount: Math.Round(p.Quantity * p.UnitPrice, 2), p.Charged)).ToList();
        var charged = lines.Where(l => l.Charged).Sum(l => l.Amount);
        var covered = lines.Where(l => !l.Charged).Sum(l => l.Amount);
        return new Charges(charged, covered, laborFee, travelFee, otherFee, charged + laborFee + travelFee + otherFee);
    }

    public static Charges Total(WorkReport report) =>
        Total(report.Parts.Select(p => (p.Quantity, p.UnitPrice, p.Charged)), report.LaborFee, report.TravelFee, report.OtherFee);

    /// <summary>
    /// The workflow step a result takes from where the request stands: solved takes a step into a status that meets the resolution
    /// clock and counts no attempt; any other result takes the step that counts a failed attempt (the default workflows send the
    /// request back to assignment, or lock it for the manager after the second). Null when the workflow offers no such step now.
    /// </summary>
    public static AvailableTransition? StepFor(WorkResult result, WorkflowDefinition definition, IReadOnlyList<AvailableTransition> open)
    {
        if (result == WorkResult.Solved)
        {
            var resolved = definition.SlaClocks.Where(c => c.Clock == AfterSales.Workflows.Sla.SlaClockKind.Resolution).SelectMany(c => c.StopsIn).ToHashSet(StringComparer.Ordinal);
            return open.FirstOrDefault(t => resolved.Contains(t.To) && definition.FindTransition(t.Key)?.CountsAttempt is null);
        }

        return open.FirstOrDefault(t => definition.FindTransition(t.Key)?.CountsAttempt is not null);
    }

    /// <summary>A code for the verification page: 20 characters of an alphabet without look-alikes, about 100 bits.</summary>
    public static string NewVerificationCode()
    {
        const string alphabet = "23456789ABCDEFGHJKLMNPQRSTUVWXYZ";
        return string.Create(20, 0, (span, _) =>
        {
            for (var i = 0; i < span.Length; i++)
            {
                span[i] = alphabet[System.Security.Cryptography.RandomNumberGenerator.GetInt32(alphabet.Length)];
            }
        });
    }
}

/// <summary>What the customer pays for a visit, and the value of the parts the warranty covered.</summary>
public sealed record Charges(decimal PartsCharged, decimal PartsCovered, decimal LaborFee, decimal TravelFee, decimal OtherFee, decimal Total)
{
    public static Charges None { get; } = new(0, 0, 0, 0, 0, 0);

    public Charges Add(Charges other) => new(PartsCharged + other.PartsCharged, PartsCovered + other.PartsCovered, LaborFee + other.LaborFee,
        TravelFee + other.TravelFee, OtherFee + other.OtherFee, Total + other.Total);
}

/// <summary>The work report form as the engineer fills it in.</summary>
public sealed class WorkReportInput
{
    public DateOnly? VisitedOn { get; set; }
    public Guid? FaultCategoryId { get; set; }
    public Guid? CauseId { get; set; }
    public string? Measures { get; set; }
    public WorkResult Result { get; set; }
    public decimal LaborHours { get; set; }
    public decimal LaborFee { get; set; }
    public decimal TravelFee { get; set; }
    public decimal OtherFee { get; set; }
    public string? OtherFeeNote { get; set; }
    public string? CustomerRemark { get; set; }
    public List<WorkReportPartInput> Parts { get; set; } = [];
}

public sealed class WorkReportPartInput
{
    public Guid? SparePartId { get; set; }
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public decimal Quantity { get; set; } = 1;
    public decimal UnitPrice { get; set; }
    public bool Charged { get; set; }
}
