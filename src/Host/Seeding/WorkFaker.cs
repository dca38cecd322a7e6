using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using AfterSales.Modules.WorkReports;
using AfterSales.Tenancy;
using Bogus;

namespace AfterSales.Host.Seeding;

/// <summary>
/// What an assigned request's work leaves behind, so reports and dashboards have something to count: the assignment, the
/// engineer's work reports (most solved at the first visit, older ones verified) and, for a closed request, the answered
/// return visit.
/// </summary>
internal sealed class WorkFaker(Faker faker, TenantInfo tenant, DateTimeOffset now, IReadOnlyList<GeneratedEngineer> engineers)
{
    private const int VerifiedAfterDays = 14;
    private static readonly string[] Parts = ["P-100", "P-200", "P-300", "P-400"];

    public GeneratedEngineer? Engineer() => engineers.Count == 0 ? null : engineers[faker.Random.Int(0, engineers.Count - 1)];

    public IEnumerable<object> For(ServiceRequest request, string typeCode)
    {
        var created = request.CreatedAt;
        var assignedAt = Before(created.AddHours(faker.Random.Double(0.1, 8)), request.ClosedAt);
        yield return new RequestEvent
        {
            ServiceRequestId = request.Id, At = assignedAt, Kind = RequestEventKind.Assigned, ByUserId = "generated", By = "Dispatcher", Text = request.AssigneeName,
        };

        var worked = request.Status is RequestStatuses.Processed or RequestStatuses.ReturnVisit or RequestStatuses.Closed;
        if (!worked || typeCode is not ("ONSITE" or "REMOTE" or "RMA"))
        {
            yield break;
        }

        var solvedFirst = faker.Random.Bool(0.82f);
        var firstDay = tenant.TodayFor(Before(assignedAt.AddHours(faker.Random.Double(1, 48)), request.ClosedAt));
        yield return Report(request, 1, firstDay, solvedFirst ? WorkResult.Solved : WorkResult.NotSolved);
        if (!solvedFirst)
        {
            var second = firstDay.AddDays(faker.Random.Int(1, 3));
            yield return Report(request, 2, second > tenant.TodayFor(now) ? tenant.TodayFor(now) : second, WorkResult.Solved);
        }

        if (request.Status == RequestStatuses.Closed && request.ClosedAt is { } closed)
        {
            var score = faker.Random.Float() switch { < 0.04f => 2, < 0.14f => 3, < 0.45f => 4, _ => 5 };
            yield return new ReturnVisit
            {
                ServiceRequestId = request.Id, CreatedAt = closed.AddHours(-1), DueAt = closed.AddDays(1), Status = ReturnVisitStatus.Done,
                Channel = faker.Random.Bool(0.6f) ? ReturnVisitChannel.Phone : ReturnVisitChannel.CustomerLink, Solved = true, Overcharged = false,
                Satisfaction = score, Satisfied = true, RecordedAt = closed, RecordedBy = "Agent",
            };
        }
    }

    private WorkReport Report(ServiceRequest request, int visit, DateOnly day, WorkResult result)
    {
        var hours = Math.Round((decimal)faker.Random.Double(0.5, 4) * 2, MidpointRounding.AwayFromZero) / 2;
        var submitted = tenant.MidnightUtc(day).AddHours(faker.Random.Double(10, 18));
        var verified = (now - submitted).TotalDays > VerifiedAfterDays;
        var report = new WorkReport
        {
            ServiceRequestId = request.Id, Visit = visit, EngineerId = request.AssigneeId!, EngineerName = request.AssigneeName!, VisitedOn = day,
            FaultCategoryId = request.CategoryId, Measures = result == WorkResult.Solved ? "Repaired" : "Checked; needs another visit", Result = result,
            LaborHours = hours, LaborFee = hours * 80m, TravelFee = faker.PickRandom(0m, 30m, 50m), State = verified ? WorkReportState.Verified : WorkReportState.Submitted,
            CreatedAt = submitted, SubmittedAt = submitted, VerifiedAt = verified ? submitted.AddDays(3) : null, VerifiedBy = verified ? "Manager" : null,
            VerificationCode = faker.Random.Hash(32),
        };
        if (faker.Random.Bool(0.4f))
        {
            report.Parts.Add(new WorkReportPart
            {
                Line = 1, Code = faker.PickRandom(Parts), Name = "Spare part", Quantity = faker.Random.Int(1, 2), UnitPrice = faker.Random.Int(2, 30) * 10m,
                Charged = request.WarrantyState != nameof(AfterSales.Modules.Products.WarrantyState.InWarranty),
            });
        }

        return report;
    }

    private DateTimeOffset Before(DateTimeOffset at, DateTimeOffset? limit)
    {
        var cap = limit is { } l && l < now ? l : now;
        return at < cap ? at : cap;
    }
}
