using AfterSales.Modules.Notifications;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Shared;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// Care (关怀): what the tenant did for its customers' units besides repairs. Reminders sent, from the notification log by kind
/// and channel; warranty extensions sold; maintenance plans' visits done against those due (as <see cref="MaintenancePlans"/>
/// counts them); consumables replaced, i.e. parts of submitted work reports carrying a consumable's part code for the unit's model.
/// </summary>
public sealed class CareReport(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext, MaintenancePlans maintenancePlans)
{
    public async Task<CareResult> RunAsync(ReportFilter filter, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var tenant = tenantContext.Tenant;
        var (since, until) = filter.Instants(tenant);

        var kinds = ReminderKinds.All.ToDictionary(ReminderKinds.TemplateKey, k => k);
        var keys = kinds.Keys.ToList();
        var messages = db.OutboxMessages.AsNoTracking().Where(m => keys.Contains(m.TemplateKey) && m.CreatedAt >= since && m.CreatedAt < until);
        var sends = await messages.GroupBy(m => new { m.TemplateKey, m.Channel, m.Status }).Select(g => new { g.Key.TemplateKey, g.Key.Channel, g.Key.Status, Count = g.Count() })
            .ToListAsync(cancellationToken);
        var reminders = sends.GroupBy(s => (Kind: kinds[s.TemplateKey], s.Channel))
            .Select(g => new ReminderSends(g.Key.Kind, g.Key.Channel, g.Sum(s => s.Count), g.Where(s => s.Status == DeliveryStatus.Sent).Sum(s => s.Count),
                g.Where(s => s.Status == DeliveryStatus.Failed).Sum(s => s.Count)))
            .OrderBy(r => ReminderKinds.All.ToList().IndexOf(r.Kind)).ThenBy(r => r.Channel).ToList();
        // Instants of the period's reminders for the trend: a few thousand at most, put in days here as SQLite cannot group its binary instants.
        var reminderTimes = await messages.Select(m => m.CreatedAt).ToListAsync(cancellationToken);

        var extensions = await (from x in db.WarrantyExtensions.AsNoTracking()
                                join s in db.SerialNumbers on x.SerialNumberId equals s.Id
                                join m in db.ProductModels on s.ProductModelId equals m.Id
                                where x.At >= since && x.At < until
                                select new { x.At, Fee = (double?)x.Fee, m.Code, m.Name }).ToListAsync(cancellationToken);
        var extensionRows = extensions.GroupBy(x => x.Code).Select(g => new ExtensionSales(g.Key, g.First().Name, g.Count(), Math.Round((decimal)g.Sum(x => x.Fee ?? 0), 2)))
            .OrderByDescending(x => x.Count).ThenBy(x => x.ModelCode, StringComparer.Ordinal).ToList();

        var plans = await maintenancePlans.DoneVersusDueAsync(filter.From, filter.To, cancellationToken);

        var consumables = await (from c in db.ModelConsumables.AsNoTracking()
                                 join m in db.ProductModels on c.ProductModelId equals m.Id
                                 where c.PartCode != null
                                 select new { c.Name, Code = c.PartCode!, Model = m.Code }).ToListAsync(cancellationToken);
        var replaced = new List<(string Name, string Model, double Quantity, DateOnly Day)>();
        if (consumables.Count > 0)
        {
            // Codes are compared ignoring letter case, as the care planner does; the database narrows by the usual spellings.
            var codes = consumables.SelectMany(c => new[] { c.Code, c.Code.ToUpperInvariant(), c.Code.ToLowerInvariant() }).Distinct().ToList();
            var parts = await (from p in db.WorkReportParts.AsNoTracking()
                               join w in db.WorkReports on p.WorkReportId equals w.Id
                               join r in db.ServiceRequests on w.ServiceRequestId equals r.Id
                               where w.State != WorkReportState.Draft && w.VisitedOn >= filter.From && w.VisitedOn <= filter.To && r.ModelCode != null && codes.Contains(p.Code)
                               select new { p.Code, Quantity = (double)p.Quantity, w.VisitedOn, r.ModelCode }).ToListAsync(cancellationToken);
            foreach (var part in parts)
            {
                if (consumables.FirstOrDefault(c => c.Model == part.ModelCode && string.Equals(c.Code, part.Code.Trim(), StringComparison.OrdinalIgnoreCase)) is { } consumable)
                {
                    replaced.Add((consumable.Name, consumable.Model, part.Quantity, part.VisitedOn));
                }
            }
        }

        var consumableRows = replaced.GroupBy(r => (r.Model, r.Name)).Select(g => new ConsumableReplacements(g.Key.Model, g.Key.Name, g.Count(), g.Sum(r => r.Quantity)))
            .OrderByDescending(c => c.Replacements).ThenBy(c => c.ModelCode, StringComparer.Ordinal).ThenBy(c => c.Name, StringComparer.Ordinal).ToList();

        var reminderPeriods = PeriodCounts.Of(filter, tenant, reminderTimes);
        var extensionPeriods = PeriodCounts.Of(filter, tenant, extensions.Select(x => x.At));
        var consumablePeriods = PeriodCounts.Of(filter, replaced.Select(r => r.Day));
        var duePeriods = PeriodCounts.Of(filter, plans.Visits.Select(v => v.Day));
        var donePeriods = PeriodCounts.Of(filter, plans.Visits.Where(v => v.Done).Select(v => v.Day));
        var periods = reminderPeriods.Select((p, i) => new CarePeriod(p.Start, p.Label, p.Count, extensionPeriods[i].Count, duePeriods[i].Count, donePeriods[i].Count,
            consumablePeriods[i].Count)).ToList();

        return new CareResult(reminders, extensionRows, plans.Due, plans.Done, consumableRows, periods);
    }
}

/// <param name="Written">Notifications written for the kind and channel; <paramref name="Delivered"/> went out, <paramref name="Failed"/> gave up.</param>
public sealed record ReminderSends(ReminderKind Kind, DeliveryChannel Channel, int Written, int Delivered, int Failed);

public sealed record ExtensionSales(string ModelCode, string ModelName, int Count, decimal Fees);

/// <param name="Replacements">Work report lines replacing it; <paramref name="Quantity"/> the pieces fitted.</param>
public sealed record ConsumableReplacements(string ModelCode, string Name, int Replacements, double Quantity);

public sealed record CarePeriod(DateOnly Start, string Label, int Reminders, int Extensions, int MaintenanceDue, int MaintenanceDone, int Consumables);

public sealed record CareResult(
    IReadOnlyList<ReminderSends> Reminders, IReadOnlyList<ExtensionSales> Extensions, int MaintenanceDue, int MaintenanceDone,
    IReadOnlyList<ConsumableReplacements> Consumables, IReadOnlyList<CarePeriod> Periods)
{
    public int RemindersWritten => Reminders.Sum(r => r.Written);
    public int ExtensionsSold => Extensions.Sum(x => x.Count);
    public decimal ExtensionFees => Extensions.Sum(x => x.Fees);
    public int Replacements => Consumables.Sum(c => c.Replacements);
    public double? MaintenanceRate => Percent.Of(MaintenanceDone, MaintenanceDue);
    public bool IsEmpty => RemindersWritten == 0 && ExtensionsSold == 0 && MaintenanceDue == 0 && Replacements == 0;
}
