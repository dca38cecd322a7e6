using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Rma;

/// <summary>
/// The factory's re-judgement (复判) of a returned unit, as the transition form gave it: whether the warranty covers it, who is
/// responsible and how the cost is shared. The timeline keeps the same answers as text in the user's language; this row keeps
/// them as values, so the return-to-factory report can count them. A request judged again has one row per judgement.
/// </summary>
public class RmaJudgement : ITenantOwned
{
    public const int TextLength = 200;

    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ServiceRequestId { get; set; }
    public bool? WarrantyCovered { get; set; }
    public string? Responsibility { get; set; }
    public string? CostSharing { get; set; }
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
}

/// <summary>A transition whose form answers the re-judgement's questions records a <see cref="RmaJudgement"/>.</summary>
public sealed class JudgementRecorder : ITransitionFormObserver
{
    public const string WarrantyCoveredField = "warrantyCovered";
    public const string ResponsibilityField = "responsibility";
    public const string CostSharingField = "costSharing";

    public Task ObserveAsync(TransitionFormContext context, CancellationToken cancellationToken)
    {
        var covered = Text(context.Values, WarrantyCoveredField);
        var responsibility = Text(context.Values, ResponsibilityField);
        var costSharing = Text(context.Values, CostSharingField);
        if (covered is null && responsibility is null && costSharing is null)
        {
            return Task.CompletedTask;
        }

        context.Database<IRmaDb>().RmaJudgements.Add(new RmaJudgement
        {
            ServiceRequestId = context.Request.Id,
            WarrantyCovered = covered is null ? null : bool.TryParse(covered, out var yes) ? yes : covered is "1" or "yes" or "是",
            Responsibility = Clip(responsibility),
            CostSharing = Clip(costSharing),
            At = context.Now,
            By = context.Actor.Name,
        });
        return Task.CompletedTask;
    }

    private static string? Clip(string? text) => text is { Length: > RmaJudgement.TextLength } ? text[..RmaJudgement.TextLength] : text;

    private static string? Text(IReadOnlyDictionary<string, object?> values, string key) =>
        values.GetValueOrDefault(key) is { } value && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text.Trim() : null;
}

internal sealed class RmaJudgementConfiguration : IEntityTypeConfiguration<RmaJudgement>
{
    public void Configure(EntityTypeBuilder<RmaJudgement> builder)
    {
        builder.ToTable("RmaJudgements");
        builder.Property(j => j.Responsibility).HasMaxLength(RmaJudgement.TextLength);
        builder.Property(j => j.CostSharing).HasMaxLength(RmaJudgement.TextLength);
        builder.Property(j => j.By).HasMaxLength(256);
        builder.HasOne<ServiceRequest>().WithMany().HasForeignKey(j => j.ServiceRequestId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(j => new { j.TenantId, j.ServiceRequestId });
    }
}
