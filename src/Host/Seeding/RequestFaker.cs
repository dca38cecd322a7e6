using System.Globalization;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Bogus;

namespace AfterSales.Host.Seeding;

/// <summary>A generated request with what <see cref="RequestDesk.CreateAsync"/> writes alongside it.</summary>
internal sealed record GeneratedRequest(ServiceRequest Request, RequestEvent Created, IReadOnlyList<CustomFieldValue> Fields)
{
    /// <summary>What the work on it left behind: its assignment, work reports and return visit (for reports and dashboards).</summary>
    public List<object> Work { get; } = [];
}

/// <summary>A generated engineer: a login of the tenant in the Engineer role, whom requests are assigned to.</summary>
internal sealed record GeneratedEngineer(string Id, string Name);

/// <summary>The tenant's fault and complaint categories, which generated requests are filed under.</summary>
internal sealed record GeneratedCategories(IReadOnlyList<Guid> Faults, IReadOnlyList<Guid> Complaints);

/// <summary>A tenant's generated requests, oldest first, and the counters that agree with them.</summary>
internal sealed record RequestHistory(
    IReadOnlyList<GeneratedRequest> Requests, IReadOnlyList<RequestNumberCounter> NumberCounters, IReadOnlyList<ServiceCounter> ServiceCounters);

/// <summary>
/// Makes two years of a tenant's service requests: more of them lately (the business grew), almost all older ones closed,
/// the last weeks' still moving through the loop. Each request is what <see cref="RequestDesk.CreateAsync"/> would have
/// written for it: a number of the tenant's calendar day, the unit's model and warranty as they were that day, the type's SLA,
/// custom-field values checked by the published form, and its Created event.
/// </summary>
internal sealed class RequestFaker(
    Faker faker, TenantFaker people, FakeVocabulary words, TenantInfo tenant, IReadOnlyList<ServiceType> types, PublishedForm onSiteForm,
    IReadOnlyList<ProductModel> models, IReadOnlyList<Customer> customers, IReadOnlyList<SerialNumber> units, DateTimeOffset now,
    IReadOnlyList<GeneratedEngineer> engineers, GeneratedCategories categories)
{
    private const int Days = 730;
    private const int RecentDays = 30;

    // A tenant's mix of work: on-site visits first, then advice, remote help, returns and complaints.
    private static readonly (string Code, float Weight)[] TypeMix = [("ONSITE", 0.35f), ("CONSULT", 0.25f), ("REMOTE", 0.15f), ("RMA", 0.15f), ("COMPLAINT", 0.10f)];

    // Older requests have run their course; the last month's are spread over the loop.
    private static readonly (string Status, float Weight)[] OlderMix =
    [
        (RequestStatuses.Closed, 0.90f), (RequestStatuses.Cancelled, 0.05f), (RequestStatuses.Locked, 0.02f), (RequestStatuses.WaitingForAssignment, 0.01f),
        (RequestStatuses.OnHold, 0.01f), (RequestStatuses.Assigned, 0.01f),
    ];

    private static readonly (string Status, float Weight)[] RecentMix =
    [
        (RequestStatuses.WaitingForAssignment, 0.20f), (RequestStatuses.Assigned, 0.25f), (RequestStatuses.OnHold, 0.05f), (RequestStatuses.Processed, 0.10f),
        (RequestStatuses.ReturnVisit, 0.10f), (RequestStatuses.Closed, 0.25f), (RequestStatuses.Locked, 0.03f), (RequestStatuses.Cancelled, 0.02f),
    ];

    private static readonly (string Channel, float Weight)[] ChannelMix =
    [
        (RequestChannels.Phone, 0.50f), (RequestChannels.Email, 0.15f), (RequestChannels.Portal, 0.15f), (RequestChannels.Api, 0.15f), (RequestChannels.WalkIn, 0.05f),
    ];

    private readonly Dictionary<Guid, ProductModel> _models = models.ToDictionary(m => m.Id);
    private readonly Dictionary<Guid, Customer> _customers = customers.ToDictionary(c => c.Id);
    private readonly string[] _agents = Enumerable.Range(0, faker.Random.Int(2, 5)).Select(_ => people.PersonName()).ToArray();
    private readonly WorkFaker _work = new(faker, tenant, now, engineers);

    public RequestHistory Take(int count)
    {
        var requests = new List<GeneratedRequest>(count);
        for (var i = 0; i < count; i++)
        {
            requests.Add(i == 0 ? Next(Newest(), RequestStatuses.WaitingForAssignment) : Next(Taken()));
        }

        // Numbers run per tenant day in the order the requests came in, as the counter hands them out.
        requests.Sort((a, b) => a.Request.CreatedAt.CompareTo(b.Request.CreatedAt));
        var counters = new List<RequestNumberCounter>();
        foreach (var day in requests.GroupBy(r => tenant.TodayFor(r.Request.CreatedAt)))
        {
            var last = 0;
            foreach (var r in day)
            {
                r.Request.Number = string.Create(CultureInfo.InvariantCulture, $"SR-{day.Key:yyyyMMdd}-{++last:D4}");
            }

            counters.Add(new RequestNumberCounter { Day = day.Key, Last = last });
            foreach (var report in day.SelectMany(r => r.Work.OfType<AfterSales.Modules.WorkReports.WorkReport>().Select(w => (w, r.Request.Number))))
            {
                report.w.RequestNumber = report.Number;
            }
        }

        var typeCodes = types.ToDictionary(t => t.Id, t => t.Code);
        var serviceCounters = requests.GroupBy(r => typeCodes[r.Request.ServiceTypeId])
            .Select(g => new ServiceCounter { Kind = ServiceCounterKind.ServiceType, Key = g.Key, Count = g.Count() })
            .Concat(requests.Where(r => r.Request.ModelCode is not null).GroupBy(r => r.Request.ModelCode!)
                .Select(g => new ServiceCounter { Kind = ServiceCounterKind.ProductModel, Key = g.Key, Count = g.Count() }))
            .ToList();
        return new RequestHistory(requests, counters, serviceCounters);
    }

    // The desk's list is never stale: its newest request came in within the last hour of the tenant's today and waits for
    // assignment. It also makes the counter of today exist, which the next request taken on the desk continues.
    private DateTimeOffset Newest()
    {
        var local = now.ToTenantTime(tenant);
        var sinceMidnight = local - new DateTimeOffset(local.Date, local.Offset);
        return now.AddSeconds(-faker.Random.Double(0, Math.Min(3600, sinceMidnight.TotalSeconds)));
    }

    // The density grows linearly towards today, so the last months hold more requests than the first.
    private DateTimeOffset Taken() => now.AddSeconds(-Days * 86_400d * (1 - Math.Sqrt(faker.Random.Double())));

    private GeneratedRequest Next(DateTimeOffset created, string? given = null)
    {
        var type = Pick(TypeMix, code => types.First(t => t.Code == code));
        var day = tenant.TodayFor(created);
        var recent = (now - created).TotalDays < RecentDays;
        var status = given ?? (recent ? Pick(RecentMix) : Pick(OlderMix));

        // Visits, remote help and returns are about a unit sold before the request; its owner is the customer, as on the desk.
        SerialNumber? unit = null;
        if (type.Code is "ONSITE" or "REMOTE" or "RMA" && units.Count > 0 && faker.Random.Bool(0.7f))
        {
            var candidate = units[faker.Random.Int(0, units.Count - 1)];
            unit = candidate.PurchaseDate <= day ? candidate : null;
        }

        var customer = unit?.CustomerId is { } owner ? _customers.GetValueOrDefault(owner)
            : customers.Count > 0 && faker.Random.Bool(0.8f) ? customers[faker.Random.Int(0, customers.Count - 1)] : null;
        var contact = customer?.Contacts.FirstOrDefault();
        var channel = Pick(ChannelMix);
        var problem = faker.PickRandom(words.Problems);
        var request = new ServiceRequest
        {
            ServiceTypeId = type.Id,
            CustomerId = customer?.Id,
            ContactName = contact?.Name ?? (customer is null ? people.PersonName() : null),
            ContactPhone = contact?.Phone ?? customer?.Phone ?? people.MobilePhone(),
            SerialNumberId = unit?.Id,
            SerialNumber = unit?.Number,
            ModelCode = unit is null ? null : _models[unit.ProductModelId].Code,
            WarrantyState = unit?.WarrantyOn(day).State.ToString(),
            WarrantyEnd = unit?.WarrantyEnd,
            Channel = channel,
            Priority = faker.Random.Float() switch
            {
                < 0.05f => RequestPriority.Low,
                < 0.15f => RequestPriority.High,
                < 0.18f => RequestPriority.Urgent,
                _ => type.DefaultPriority,
            },
            RequestedDate = type.Code == "ONSITE" && faker.Random.Bool(0.5f) ? day.AddDays(faker.Random.Int(1, 7)) : null,
            Subject = problem,
            Description = faker.Random.Bool(0.3f) ? faker.PickRandom(words.Notes) : null,
            CreatedAt = created,
            CreatedBy = channel switch
            {
                RequestChannels.Api => "ERP",
                RequestChannels.Portal => contact?.Name ?? customer?.Name ?? "Portal",
                _ => faker.PickRandom(_agents),
            },
            DueAt = type.SlaHours is { } hours ? created.AddHours(hours) : null,
            FormVersionId = type.Code == "ONSITE" ? onSiteForm.VersionId : null,
            Status = status,
            StatusCategory = Category(status),
            IsLocked = status == RequestStatuses.Locked,
            WorkflowKey = type.WorkflowKey,
            WorkflowVersion = 1,
        };
        request.CategoryId = type.Code == "COMPLAINT" ? Maybe(categories.Complaints, 0.9f)
            : type.Code is "ONSITE" or "REMOTE" or "RMA" ? Maybe(categories.Faults, 0.8f) : null;
        MoveAlong(request);
        var fields = type.Code == "ONSITE" ? OnSiteFields(request.Id) : [];
        var createdEvent = new RequestEvent
        {
            ServiceRequestId = request.Id, At = created, Kind = RequestEventKind.Created, By = request.CreatedBy,
            ToStatus = RequestStatuses.WaitingForAssignment, IsPublic = true,
        };
        var generated = new GeneratedRequest(request, createdEvent, fields);
        if (request.AssigneeId is not null)
        {
            generated.Work.AddRange(_work.For(request, type.Code));
        }

        return generated;
    }

    // Where the request stands: who it went to, when it last changed, when it closed. Engineers are names only, as the
    // generator makes no staff logins besides the admin.
    private void MoveAlong(ServiceRequest request)
    {
        var created = request.CreatedAt;
        // A moment after the request came in, within maxHours and never after now.
        DateTimeOffset Later(double maxHours)
        {
            var at = created.AddHours(faker.Random.Double(0.2, Math.Max(0.3, maxHours)));
            return at < now ? at : now;
        }

        var worked = request.Status is not (RequestStatuses.WaitingForAssignment or RequestStatuses.OnHold or RequestStatuses.Cancelled);
        var assigned = worked && request.Status != RequestStatuses.Locked ? _work.Engineer() : null;
        if (assigned is not null)
        {
            request.AssigneeId = assigned.Id;
            request.AssigneeName = assigned.Name;
        }

        request.FailedAttempts = request.Status == RequestStatuses.Locked ? AttemptsBeforeLock : faker.Random.Bool(0.05f) ? 1 : 0;
        // Most are solved within their SLA, some late (the SLA report has both to show).
        var allowed = request.DueAt is { } due ? (due - created).TotalHours : 240;
        request.ClosedAt = request.Status is RequestStatuses.Closed or RequestStatuses.Cancelled ? Later(allowed * (faker.Random.Bool(0.85f) ? 1 : 2.5)) : null;
        request.UpdatedAt = request.ClosedAt ?? (request.Status == RequestStatuses.WaitingForAssignment ? created : Later(72));
    }

    // The default workflows' categories; their requests are adopted by the engine where they stand when first touched.
    private static AfterSales.Workflows.Definitions.StatusCategory Category(string status) => status switch
    {
        RequestStatuses.WaitingForAssignment => AfterSales.Workflows.Definitions.StatusCategory.New,
        RequestStatuses.OnHold => AfterSales.Workflows.Definitions.StatusCategory.Waiting,
        RequestStatuses.Closed or RequestStatuses.Cancelled => AfterSales.Workflows.Definitions.StatusCategory.Done,
        _ => AfterSales.Workflows.Definitions.StatusCategory.InProgress,
    };

    private const int AttemptsBeforeLock = 2;

    private List<CustomFieldValue> OnSiteFields(Guid requestId)
    {
        var mounting = faker.Random.Float() switch { < 0.5f => "wall", < 0.8f => "floor", _ => "ceiling" };
        var floor = mounting == "wall" && faker.Random.Bool(0.85f) ? faker.Random.Int(-2, 40) : (int?)null;
        var input = new Dictionary<string, string?>(StringComparer.Ordinal) { ["mounting"] = mounting };
        if (floor is { } f)
        {
            input["floor_no"] = f.ToString(CultureInfo.InvariantCulture);
        }

        if (faker.Random.Bool(0.6f))
        {
            input["height_work"] = floor > 6 || faker.Random.Bool(0.1f) ? "true" : "false";
        }

        if (faker.Random.Bool(0.6f))
        {
            input["time_slot"] = faker.PickRandom("morning", "afternoon", "evening");
        }

        var check = FormRules.Check(onSiteForm.Schema, input, FormAudience.Staff);
        return check.IsValid
            ? CustomFieldRows.For(requestId, onSiteForm.Schema, check.Values).ToList()
            : throw new InvalidOperationException($"Generated on-site fields are invalid: {string.Join(", ", check.Errors.Select(e => $"{e.Key}:{e.Code}"))}");
    }

    private Guid? Maybe(IReadOnlyList<Guid> choices, float chance) => choices.Count > 0 && faker.Random.Bool(chance) ? choices[faker.Random.Int(0, choices.Count - 1)] : null;

    private T Pick<T>((T Value, float Weight)[] mix) => Pick(mix, v => v);

    private TResult Pick<T, TResult>((T Value, float Weight)[] mix, Func<T, TResult> map)
    {
        var roll = faker.Random.Float() * mix.Sum(m => m.Weight);
        foreach (var (value, weight) in mix)
        {
            if ((roll -= weight) < 0)
            {
                return map(value);
            }
        }

        return map(mix[^1].Value);
    }
}
