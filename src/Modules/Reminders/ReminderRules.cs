using System.Text.RegularExpressions;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Reminders;

/// <summary>What a rule must say to be saved, and the words a new one starts with.</summary>
public static partial class ReminderRules
{
    public const int NameLength = 100;
    public const string TemplateKey = "reminder.warranty-expiry";

    /// <summary>The values a warranty reminder's template may use.</summary>
    public static readonly IReadOnlyList<string> Placeholders = ["serialNumber", "model", "customer", "warrantyEnd", "days", "company"];

    public static ReminderRuleInput NewInput() => new()
    {
        OffsetDays = "30, 7",
        ToCustomer = true,
        Email = true,
        SubjectZh = "您的 {{model}} 保修将于 {{warrantyEnd}} 到期",
        SubjectEn = "The warranty of your {{model}} ends on {{warrantyEnd}}",
        BodyZh = "{{customer}}，您好：\n您的 {{model}}（序列号 {{serialNumber}}）保修将在 {{days}} 天后（{{warrantyEnd}}）到期。如需延保，请联系{{company}}。",
        BodyEn = "Dear {{customer}},\nthe warranty of your {{model}} (serial number {{serialNumber}}) ends in {{days}} days, on {{warrantyEnd}}. To extend it, please contact {{company}}.",
        QuietFrom = new TimeOnly(21, 0),
        QuietUntil = new TimeOnly(8, 0),
        IsEnabled = true,
    };

    /// <summary>Each invalid field of <paramref name="input"/> with the text key saying why.</summary>
    public static Dictionary<string, string> Validate(ReminderRuleInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > NameLength)
        {
            errors[nameof(input.Name)] = "Reminders.Validation.Name";
        }

        if (!ReminderKinds.All.Contains(input.Kind))
        {
            errors[nameof(input.Kind)] = "Reminders.Validation.Kind";
        }

        if (ReminderKinds.ParseOffsets(input.Kind, input.OffsetDays) is null)
        {
            errors[nameof(input.OffsetDays)] = $"Reminders.Validation.Offsets.{input.Kind}";
        }

        var role = string.IsNullOrWhiteSpace(input.StaffRole) ? null : input.StaffRole.Trim();
        if (role is not null && !Roles.TenantRoles.Contains(role))
        {
            errors[nameof(input.StaffRole)] = "Reminders.Validation.Role";
        }
        else if (input.Kind.IsRequestKind() && input.ToCustomer)
        {
            // Request reminders nag the tenant's own people; the customer hears of the request through its notifications.
            errors[nameof(input.StaffRole)] = "Reminders.Validation.RequestAudience";
        }
        else if (!input.Kind.IsRequestKind() && input.ToAssignee)
        {
            errors[nameof(input.StaffRole)] = "Reminders.Validation.UnitAudience";
        }
        else if (input.Kind.IsFollowUpKind() && input.ToCustomer)
        {
            // A follow-up is a call staff make; the customer hears of it when the phone rings.
            errors[nameof(input.StaffRole)] = "Reminders.Validation.FollowUpAudience";
        }
        else if (!input.ToCustomer && !input.ToAssignee && role is null && !input.CreatesRequest && !input.Robot && !input.Kind.IsFollowUpKind())
        {
            errors[nameof(input.StaffRole)] = "Reminders.Validation.Audience";
        }

        if (input.Kind.IsCareKind())
        {
            ValidateCare(input, errors);
        }

        if ((input.CreatesRequest && !input.ToCustomer && role is null && !input.Robot)
            || (input.Kind.IsFollowUpKind() && !input.InApp && !input.Email && !input.Sms && !input.Robot))
        {
            // The planned request or the follow-up task is what the rule does; telling someone as well is a choice, not a need.
        }
        else if (!input.InApp && !input.Email && !input.Sms && !input.Robot)
        {
            errors[nameof(input.Email)] = "Reminders.Validation.Channel";
        }
        else if (input.ToCustomer && !input.Email && !input.Sms)
        {
            // Customers have no in-app inbox until the portal has one.
            errors[nameof(input.Email)] = "Reminders.Validation.CustomerByEmail";
        }
        else if (input.Robot && input.RobotEndpointId is null)
        {
            errors[nameof(input.RobotEndpointId)] = "Reminders.Validation.Robot";
        }

        foreach (var (field, text, length) in new[]
                 {
                     (nameof(input.SubjectZh), input.SubjectZh, NotificationRules.SubjectLength), (nameof(input.SubjectEn), input.SubjectEn, NotificationRules.SubjectLength),
                     (nameof(input.BodyZh), input.BodyZh, NotificationRules.BodyLength), (nameof(input.BodyEn), input.BodyEn, NotificationRules.BodyLength),
                 })
        {
            if (string.IsNullOrWhiteSpace(text) || text.Length > length)
            {
                errors[field] = "Reminders.Validation.Template";
            }
            else if (UnknownPlaceholders(text, input.Kind).Count > 0)
            {
                errors[field] = "Reminders.Validation.Placeholder";
            }
        }

        if (input.QuietFrom.HasValue != input.QuietUntil.HasValue || (input.QuietFrom is { } from && from == input.QuietUntil))
        {
            errors[nameof(input.QuietFrom)] = "Reminders.Validation.Quiet";
        }

        return errors;
    }

    private static void ValidateCare(ReminderRuleInput input, Dictionary<string, string> errors)
    {
        if (input.Kind == ReminderKind.MaintenancePlan && input.ProductModelIds.Count == 0)
        {
            errors[nameof(input.ProductModelIds)] = "Reminders.Validation.Models";
        }

        if (input.Kind != ReminderKind.MaintenancePlan)
        {
            return;
        }

        if (input.IntervalMonths is not (>= CareSchedule.MinIntervalMonths and <= CareSchedule.MaxIntervalMonths))
        {
            errors[nameof(input.IntervalMonths)] = "Reminders.Validation.Interval";
        }

        if (!Enum.IsDefined(input.Action))
        {
            errors[nameof(input.Action)] = "Reminders.Validation.Action";
        }
        else if (input.CreatesRequest && input.ServiceTypeId is null)
        {
            errors[nameof(input.ServiceTypeId)] = "Reminders.Validation.ServiceType";
        }
    }

    /// <summary>Placeholders a template uses that a reminder of <paramref name="kind"/> does not fill.</summary>
    public static IReadOnlyList<string> UnknownPlaceholders(string template, ReminderKind kind = ReminderKind.WarrantyExpiry)
    {
        var known = ReminderKinds.Placeholders(kind);
        return Placeholder().Matches(template).Select(m => m.Groups["name"].Value).Where(n => !known.Contains(n)).Distinct().ToList();
    }

    [GeneratedRegex(@"\{\{\s*(?<name>[A-Za-z]+)\s*\}\}")]
    private static partial Regex Placeholder();
}

/// <summary>A rule as the dialog edits it.</summary>
public sealed class ReminderRuleInput
{
    public string? Name { get; set; }
    public ReminderKind Kind { get; set; }
    public string? OffsetDays { get; set; }
    public bool ToCustomer { get; set; }
    public bool ToAssignee { get; set; }
    public string? StaffRole { get; set; }
    public bool InApp { get; set; }
    public bool Email { get; set; }

    /// <summary>A text message to the customer's phone.</summary>
    public bool Sms { get; set; }

    /// <summary>A message to the group robot <see cref="RobotEndpointId"/>.</summary>
    public bool Robot { get; set; }
    public Guid? RobotEndpointId { get; set; }
    public string SubjectZh { get; set; } = "";
    public string SubjectEn { get; set; } = "";
    public string BodyZh { get; set; } = "";
    public string BodyEn { get; set; } = "";
    public TimeOnly? QuietFrom { get; set; }
    public TimeOnly? QuietUntil { get; set; }
    public bool IsEnabled { get; set; } = true;
    public List<Guid> ProductModelIds { get; set; } = [];
    public int? IntervalMonths { get; set; }
    public MaintenanceAction Action { get; set; }
    public Guid? ServiceTypeId { get; set; }

    public bool CreatesRequest => Kind == ReminderKind.MaintenancePlan && Action == MaintenanceAction.CreateRequest;

    public static ReminderRuleInput From(ReminderRule rule) => new()
    {
        ProductModelIds = [.. rule.ProductModelIds], IntervalMonths = rule.IntervalMonths, Action = rule.Action, ServiceTypeId = rule.ServiceTypeId,
        Name = rule.Name, Kind = rule.Kind, OffsetDays = string.Join(", ", rule.Offsets), ToCustomer = rule.ToCustomer, ToAssignee = rule.ToAssignee, StaffRole = rule.StaffRole,
        InApp = rule.Channels.HasFlag(ReminderChannels.InApp), Email = rule.Channels.HasFlag(ReminderChannels.Email),
        Sms = rule.Channels.HasFlag(ReminderChannels.Sms), Robot = rule.Channels.HasFlag(ReminderChannels.Robot), RobotEndpointId = rule.RobotEndpointId,
        SubjectZh = rule.SubjectZh, SubjectEn = rule.SubjectEn, BodyZh = rule.BodyZh, BodyEn = rule.BodyEn,
        QuietFrom = rule.QuietFrom, QuietUntil = rule.QuietUntil, IsEnabled = rule.IsEnabled,
    };
}
