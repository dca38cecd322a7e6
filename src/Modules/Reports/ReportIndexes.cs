using AfterSales.Modules.Service;
using AfterSales.Modules.Visits;
using AfterSales.Modules.WorkReports;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace AfterSales.Modules.Reports;

/// <summary>
/// The indexes the reports read through, declared here beside the queries they serve rather than in the features that own the
/// tables: a tenant of 100,000 requests must get every report in under a second (issue #11, docs/benchmarks.md). Filters are
/// plain SQL both providers read alike, and match the constants the reports' LINQ sends, so SQLite can use the partial indexes.
/// Each index is named: an unnamed index on the same columns as the owning feature's would be the same index to EF Core,
/// and whichever configuration ran last would set its filter.
/// </summary>
internal sealed class RequestEventReportIndexes : IEntityTypeConfiguration<RequestEvent>
{
    public void Configure(EntityTypeBuilder<RequestEvent> builder)
    {
        // A request's first response, first assignment, reopenings and locks: one seek to its events, read from the index alone.
        builder.HasIndex(e => new { e.TenantId, e.ServiceRequestId, e.Kind, e.At, e.ByUserId, e.FromStatus }, "IX_RequestEvents_Report");
    }
}

internal sealed class ReturnVisitReportIndexes : IEntityTypeConfiguration<ReturnVisit>
{
    public void Configure(EntityTypeBuilder<ReturnVisit> builder)
    {
        // Dissatisfied customers reopen a request; few answer so.
        builder.HasIndex(v => new { v.TenantId, v.ServiceRequestId }, "IX_ReturnVisits_Dissatisfied").HasFilter("Satisfied = 0");
        // Engineers' satisfaction: the answers recorded in the period.
        builder.HasIndex(v => new { v.TenantId, v.RecordedAt, v.Status, v.Satisfaction, v.ServiceRequestId }, "IX_ReturnVisits_Report");
    }
}

internal sealed class WorkReportReportIndexes : IEntityTypeConfiguration<WorkReport>
{
    public void Configure(EntityTypeBuilder<WorkReport> builder)
    {
        // Charges and engineers select the work of a period by visit date and read nothing else of it than these, so the index
        // answers them alone: the tenant's reports lie together in it, where in the table they lie among every other tenant's.
        builder.HasIndex(w => new
        {
            w.TenantId, w.VisitedOn, w.State, w.EngineerId, w.Visit, w.Result, w.LaborHours, w.LaborFee, w.TravelFee, w.OtherFee, w.ServiceRequestId, w.Id,
        }, "IX_WorkReports_Report");
    }
}

internal sealed class WorkReportPartReportIndexes : IEntityTypeConfiguration<WorkReportPart>
{
    public void Configure(EntityTypeBuilder<WorkReportPart> builder)
    {
        // The parts of those reports: quantity and, for the charged ones, price.
        builder.HasIndex(p => new { p.TenantId, p.WorkReportId, p.Charged, p.Quantity, p.UnitPrice }, "IX_WorkReportParts_Report");
    }
}

internal sealed class ServiceRequestReportIndexes : IEntityTypeConfiguration<ServiceRequest>
{
    public void Configure(EntityTypeBuilder<ServiceRequest> builder)
    {
        // Every report but the work reports' starts from the requests that came in during the period and reads these columns of
        // them; read from the table, a tenant's year of requests is a page per request, its rows lying among the other tenants'.
        // Assignee and customer (the engineer and region conditions) are left out to keep the index narrow.
        builder.HasIndex(r => new
        {
            r.TenantId, r.CreatedAt, r.Status, r.ServiceTypeId, r.ClosedAt, r.DueAt, r.IsLocked, r.CategoryId, r.ModelCode, r.WarrantyState, r.SerialNumberId,
            r.Number, r.Id,
        }, "IX_ServiceRequests_Report");
        // Engineers' SLA: the requests settled in the period, by assignee.
        builder.HasIndex(r => new { r.TenantId, r.ClosedAt, r.AssigneeId, r.DueAt, r.AssigneeName }, "IX_ServiceRequests_Settled");
    }
}
