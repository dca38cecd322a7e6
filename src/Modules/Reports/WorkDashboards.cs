using System.Globalization;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Scheduling;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>
/// The engineer's and the administrator's dashboard numbers. As with <see cref="DashboardFigures"/>, each counts what the page its
/// link opens shows: the engineer's visits and waiting requests are My work's lists, their open requests the list's Mine view,
/// the administrator's usage the billing page's (the same <see cref="SubscriptionBook"/>).
/// </summary>
public sealed class WorkDashboards(IDbFactory<IReportsDb> dbFactory, ITenantContext tenantContext, TimeProvider clock, SubscriptionBook subscriptions)
{
    public async Task<EngineerFigures> EngineerAsync(string userId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var today = tenantContext.Tenant.TodayFor(clock.GetUtcNow());
        var visits = db.Appointments.Where(a => a.EngineerId == userId && a.Day == today && a.Status != AppointmentStatus.Cancelled);
        var open = db.ServiceRequests.Where(r => r.AssigneeId == userId && r.StatusCategory != StatusCategory.Done);
        return new EngineerFigures(
            await visits.CountAsync(cancellationToken),
            await visits.CountAsync(a => a.Status == AppointmentStatus.Planned, cancellationToken),
            await open.CountAsync(cancellationToken),
            // As My work lists them: open, theirs, and no visit planned for them.
            await open.CountAsync(r => !db.Appointments.Any(a => a.PlannedRequestId == r.Id), cancellationToken));
    }

    public async Task<AdminFigures> AdminAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        var view = await subscriptions.CurrentAsync(cancellationToken);
        var today = tenantContext.Tenant.TodayFor(clock.GetUtcNow());
        return new AdminFigures(view.Plan?.Name(culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase)), view.Access,
            view.Usage.Where(u => u.Used is not null).Select(u => new UsageFigure(u.Limit, u.Used!.Value, u.Max, u.Reached, Link(u.Limit, today))).ToList());
    }

    /// <summary>The list behind a usage figure: who or what is counted.</summary>
    public static string Link(PlanLimit limit, DateOnly today) => limit switch
    {
        PlanLimit.StaffSeats => "admin/users",
        PlanLimit.Engineers => "admin/engineers",
        PlanLimit.SerialNumbers => "serials",
        // Reminder e-mails are counted per calendar month: the care report of this month lists them by kind and channel.
        PlanLimit.ReminderEmailsPerMonth => "reports/care" + new ReportFilter(new DateOnly(today.Year, today.Month, 1), today).ToQueryString(),
        PlanLimit.ApiCallsPerDay => "admin/api-clients",
        _ => "admin/billing",
    };
}

/// <param name="VisitsToday">Today's visits, done or not; <paramref name="StillToVisit"/> of them not finished yet.</param>
/// <param name="WaitingForVisit">Open requests of theirs without a planned visit.</param>
public sealed record EngineerFigures(int VisitsToday, int StillToVisit, int MyOpen, int WaitingForVisit);

public sealed record AdminFigures(string? PlanName, TenantAccess Access, IReadOnlyList<UsageFigure> Usage);

public sealed record UsageFigure(PlanLimit Limit, long Used, int? Max, bool Reached, string Link)
{
    public double? Percent => Max is > 0 ? Math.Round(Math.Min(100, Used * 100.0 / Max.Value), 1) : null;
}
