namespace AfterSales.Modules.Service;

public sealed class ServiceTypeInput
{
    public string Code { get; set; } = "";
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string Icon { get; set; } = "support_agent";
    public string Color { get; set; } = "#1565c0";
    public RequestPriority DefaultPriority { get; set; } = RequestPriority.Normal;
    public int? SlaHours { get; set; }
    public int SortOrder { get; set; }

    /// <summary>The workflow its requests run on; null keeps the type's (or, for a new type, the full closed loop).</summary>
    public string? WorkflowKey { get; set; }

    public static ServiceTypeInput From(ServiceType type) => new()
    {
        Code = type.Code, NameZh = type.NameZh, NameEn = type.NameEn, Icon = type.Icon, Color = type.Color,
        DefaultPriority = type.DefaultPriority, SlaHours = type.SlaHours, SortOrder = type.SortOrder, WorkflowKey = type.WorkflowKey,
    };
}

/// <summary>A request as the create form or the API sends it: customer and unit by code and number.</summary>
public sealed class RequestInput
{
    public Guid ServiceTypeId { get; set; }
    public string? CustomerCode { get; set; }
    public string? ContactName { get; set; }
    public string? ContactPhone { get; set; }
    public string? SerialNumber { get; set; }
    public string Channel { get; set; } = RequestChannels.Phone;

    /// <summary>Null takes the type's default priority.</summary>
    public RequestPriority? Priority { get; set; }
    public DateOnly? RequestedDate { get; set; }

    /// <summary>A fault or complaint category the problem is filed under.</summary>
    public Guid? CategoryId { get; set; }
    public string Subject { get; set; } = "";
    public string? Description { get; set; }

    /// <summary>Values of the type's custom fields by key; the API also takes numbers, booleans and arrays.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(AfterSales.Modules.Forms.FieldValuesJsonConverter))]
    public Dictionary<string, string?> CustomFields { get; set; } = [];
}

public enum RequestSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

/// <param name="FieldErrors">Custom fields that break their rules, with the form they were checked against to name them.</param>
public sealed record RequestSaveResult(
    RequestSaveStatus Status, string? Number = null, IReadOnlyDictionary<string, string>? Errors = null,
    IReadOnlyList<AfterSales.Modules.Forms.FieldError>? FieldErrors = null, AfterSales.Modules.Forms.FormSchema? Form = null,
    RequestDetail? Created = null)
{
    public static RequestSaveResult Of(RequestSaveStatus status) => new(status);
}

/// <summary>The list views of seed 001 and the usual desk: everything, mine, nobody's yet, past due, locked.</summary>
public enum RequestView
{
    All,
    Mine,
    Unassigned,
    Overdue,
    Locked,
    Open,

    /// <summary>Open and due by the end of the tenant's today (and not yet overdue): the dashboard's "due today".</summary>
    DueToday,

    /// <summary>Open and running out of SLA within <see cref="RequestViews.AtRiskWithin"/>: the manager's dashboard.</summary>
    AtRisk,
}

public static class RequestViews
{
    /// <summary>How close to its due time an open request counts as at risk.</summary>
    public static readonly TimeSpan AtRiskWithin = TimeSpan.FromHours(4);

    /// <summary>Views reached from the dashboard's numbers rather than from a tab of the list.</summary>
    public static bool IsTab(this RequestView view) => view is not (RequestView.Open or RequestView.DueToday or RequestView.AtRisk);
}

/// <param name="Fields">Custom-field conditions, all of which a request meets.</param>
/// <param name="FieldSort">Orders by a custom field instead of by date (requests without a value last).</param>
public sealed record RequestQuery(
    RequestView View = RequestView.All, string? Search = null, string? Status = null, Guid? ServiceTypeId = null,
    Guid? CustomerId = null, string? SerialNumber = null, string? UserId = null, int Skip = 0, int Take = 20,
    IReadOnlyList<AfterSales.Modules.Forms.FieldFilter>? Fields = null, AfterSales.Modules.Forms.FieldSort? FieldSort = null,
    RequestSort Sort = RequestSort.Created, bool Descending = true);

/// <summary>The columns a request list sorts by on the server.</summary>
public enum RequestSort
{
    Created,
    Number,
    Priority,
    Status,
    Due,
    RequestedDate,
}

public sealed record RequestRow(
    Guid Id, string Number, string TypeCode, string TypeName, string TypeColor, string Subject, string? CustomerName, string? SerialNumber,
    string Status, RequestPriority Priority, string? AssigneeName, DateTimeOffset CreatedAt, DateTimeOffset? DueAt, bool Overdue,
    string ConcurrencyStamp = "", string StatusName = "", string? StatusColor = null, DateOnly? RequestedDate = null);

public sealed record RequestPage(IReadOnlyList<RequestRow> Items, int Total);

/// <summary>A request as its page and the API show it.</summary>
public sealed record RequestDetail(
    Guid Id, string Number, Guid ServiceTypeId, string TypeCode, string TypeName, Guid? CustomerId, string? CustomerCode, string? CustomerName,
    string? ContactName, string? ContactPhone, string? SerialNumber, string? ModelCode, string? WarrantyState, DateOnly? WarrantyEnd, string? AgreementNumber,
    string Channel, RequestPriority Priority, DateOnly? RequestedDate, Guid? CategoryId, string? CategoryName, string Subject, string? Description, string Status,
    string? AssigneeId, string? AssigneeName, int FailedAttempts, DateTimeOffset CreatedAt, string? CreatedBy, DateTimeOffset? DueAt, DateTimeOffset? ClosedAt,
    string ConcurrencyStamp, Guid? FormVersionId = null, string StatusName = "", string? StatusColor = null, bool IsLocked = false,
    string WorkflowKey = "", int WorkflowVersion = 0);

/// <param name="FromStatusName">Status names in the reader's language, from the workflow version the request runs on.</param>
/// <param name="Details">A transition form's values, "label: value" per line.</param>
public sealed record TimelineEntry(DateTimeOffset At, RequestEventKind Kind, string? By, string? FromStatus, string? ToStatus, string? Text, bool IsPublic,
    string? FromStatusName = null, string? ToStatusName = null, string? Details = null, long Id = 0);

/// <summary>A status as lists and boards show it: its key, its name in the reader's language, its colour and category.</summary>
public sealed record StatusLabel(string Key, string Name, string? Color, AfterSales.Workflows.Definitions.StatusCategory Category);

public enum ActionStatus
{
    Done,
    NotFound,

    /// <summary>The request changed since the user loaded it; nothing was done and they see it as it is now.</summary>
    Conflict,

    /// <summary>Not open to this user in the request's current status.</summary>
    NotAllowed,
    Invalid,
}

public sealed record ActionResult(ActionStatus Status, string? ErrorKey = null);

/// <summary>A staff member requests can be assigned to.</summary>
public sealed record Assignee(string UserId, string Name);
