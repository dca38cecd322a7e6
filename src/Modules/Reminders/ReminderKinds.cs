using System.Globalization;

namespace AfterSales.Modules.Reminders;

/// <summary>What differs between the kinds of reminder: the unit and range of their offsets, their placeholders, their first words.</summary>
public static class ReminderKinds
{
    public static readonly IReadOnlyList<ReminderKind> All = [ReminderKind.WarrantyExpiry, ReminderKind.RequestDueSoon, ReminderKind.RequestOverdue, ReminderKind.RequestNoResponse,
        ReminderKind.MaintenancePlan, ReminderKind.ConsumableReplacement, ReminderKind.Birthday, ReminderKind.PurchaseAnniversary, ReminderKind.FollowUpAfterClose,
        ReminderKind.FollowUpAfterPurchase];

    public static bool IsRequestKind(this ReminderKind kind) => kind is ReminderKind.RequestDueSoon or ReminderKind.RequestOverdue or ReminderKind.RequestNoResponse;

    /// <summary>Maintenance plans and consumables: planned per unit of the rule's models, by the day.</summary>
    public static bool IsCareKind(this ReminderKind kind) => kind is ReminderKind.MaintenancePlan or ReminderKind.ConsumableReplacement;

    /// <summary>Birthday and purchase anniversary greetings: planned per customer or unit once a year, by the day.</summary>
    public static bool IsGreetingKind(this ReminderKind kind) => kind is ReminderKind.Birthday or ReminderKind.PurchaseAnniversary;

    /// <summary>Follow-up calls: each reminder opens a task for staff, days after a request closed or a unit was bought.</summary>
    public static bool IsFollowUpKind(this ReminderKind kind) => kind is ReminderKind.FollowUpAfterClose or ReminderKind.FollowUpAfterPurchase;

    /// <summary>The kinds <see cref="CareEventPlanner"/> plans: greetings and follow-ups.</summary>
    public static bool IsCareEventKind(this ReminderKind kind) => kind.IsGreetingKind() || kind.IsFollowUpKind();

    /// <summary>The smallest and largest offset of the kind: days for warranty ends and waiting, hours around deadlines.</summary>
    public static (int Min, int Max) OffsetRange(ReminderKind kind) => kind switch
    {
        ReminderKind.RequestDueSoon => (1, 168),
        ReminderKind.RequestOverdue => (0, 168),
        ReminderKind.RequestNoResponse => (1, 90),
        // 0: on the visit's or replacement's day itself.
        ReminderKind.MaintenancePlan or ReminderKind.ConsumableReplacement => (0, ReminderSchedule.MaxOffset),
        // Days before the day (0: on it); a greeting more than a month ahead reads oddly.
        ReminderKind.Birthday or ReminderKind.PurchaseAnniversary => (0, 30),
        // Days after closing or buying.
        ReminderKind.FollowUpAfterClose or ReminderKind.FollowUpAfterPurchase => (1, ReminderSchedule.MaxOffset),
        _ => (ReminderSchedule.MinOffset, ReminderSchedule.MaxOffset),
    };

    /// <summary>"30, 7" → [30, 7], descending and distinct; null when a part is not a whole number in the kind's range or there are too many.</summary>
    public static IReadOnlyList<int>? ParseOffsets(ReminderKind kind, string? text)
    {
        var (min, max) = OffsetRange(kind);
        var parts = (text ?? "").Split([',', '，', ' ', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var offsets = new List<int>();
        foreach (var part in parts)
        {
            if (!int.TryParse(part, NumberStyles.None, CultureInfo.InvariantCulture, out var value) || value < min || value > max)
            {
                return null;
            }

            offsets.Add(value);
        }

        offsets = offsets.Distinct().OrderDescending().ToList();
        return offsets.Count is 0 or > ReminderSchedule.MaxOffsets ? null : offsets;
    }

    /// <summary>The values a template of the kind may use.</summary>
    public static IReadOnlyList<string> Placeholders(ReminderKind kind) => kind switch
    {
        ReminderKind.MaintenancePlan => ["serialNumber", "model", "customer", "visitDate", "days", "company"],
        ReminderKind.ConsumableReplacement => ["serialNumber", "model", "customer", "consumable", "dueDate", "days", "company"],
        ReminderKind.Birthday => ["customer", "birthday", "days", "company"],
        ReminderKind.PurchaseAnniversary => ["serialNumber", "model", "customer", "purchaseDate", "years", "days", "company"],
        ReminderKind.FollowUpAfterPurchase => ["serialNumber", "model", "customer", "purchaseDate", "days", "company"],
        ReminderKind.FollowUpAfterClose => ["number", "subject", "customer", "closedOn", "days", "company"],
        _ when kind.IsRequestKind() => ["number", "subject", "customer", "assignee", "deadline", "hours", "days", "company"],
        _ => ReminderRules.Placeholders,
    };

    /// <summary>The outbox template key its notifications are logged under.</summary>
    public static string TemplateKey(ReminderKind kind) => kind switch
    {
        ReminderKind.RequestDueSoon => "reminder.request-due-soon",
        ReminderKind.RequestOverdue => "reminder.request-overdue",
        ReminderKind.RequestNoResponse => "reminder.request-no-response",
        ReminderKind.MaintenancePlan => "reminder.maintenance-plan",
        ReminderKind.ConsumableReplacement => "reminder.consumable",
        ReminderKind.Birthday => "care.birthday",
        ReminderKind.PurchaseAnniversary => "care.anniversary",
        ReminderKind.FollowUpAfterClose => "care.follow-up-closed",
        ReminderKind.FollowUpAfterPurchase => "care.follow-up-purchase",
        _ => ReminderRules.TemplateKey,
    };

    /// <summary>A new rule of the kind, with words and offsets to start from.</summary>
    public static ReminderRuleInput NewInput(ReminderKind kind)
    {
        if (kind == ReminderKind.MaintenancePlan)
        {
            return new ReminderRuleInput
            {
                Kind = kind, OffsetDays = "7", IntervalMonths = 6, ToCustomer = true, Email = true, IsEnabled = true,
                QuietFrom = new TimeOnly(21, 0), QuietUntil = new TimeOnly(8, 0),
                SubjectZh = "您的 {{model}} 将于 {{visitDate}} 进行定期保养",
                SubjectEn = "Scheduled maintenance of your {{model}} on {{visitDate}}",
                BodyZh = "{{customer}}，您好：\n您的 {{model}}（序列号 {{serialNumber}}）的定期保养安排在 {{visitDate}}（{{days}} 天后）。{{company}}将与您联系确认上门时间。",
                BodyEn = "Dear {{customer}},\nthe scheduled maintenance of your {{model}} (serial number {{serialNumber}}) is due on {{visitDate}}, in {{days}} days. {{company}} will contact you to arrange the visit.",
            };
        }

        if (kind == ReminderKind.ConsumableReplacement)
        {
            return new ReminderRuleInput
            {
                Kind = kind, OffsetDays = "14", ToCustomer = true, StaffRole = AfterSales.Modules.Shared.Roles.Dispatcher, Email = true, InApp = true, IsEnabled = true,
                QuietFrom = new TimeOnly(21, 0), QuietUntil = new TimeOnly(8, 0),
                SubjectZh = "{{model}} 的{{consumable}}需于 {{dueDate}} 更换",
                SubjectEn = "The {{consumable}} of {{model}} {{serialNumber}} is due for replacement on {{dueDate}}",
                BodyZh = "{{customer}}，您好：\n您的 {{model}}（序列号 {{serialNumber}}）的{{consumable}}将在 {{days}} 天后（{{dueDate}}）到达使用寿命，请联系{{company}}预约更换。",
                BodyEn = "Dear {{customer}},\nthe {{consumable}} of your {{model}} (serial number {{serialNumber}}) reaches the end of its life in {{days}} days, on {{dueDate}}. Please contact {{company}} to have it replaced.",
            };
        }

        if (kind.IsCareEventKind())
        {
            return CareEvents.NewInput(kind);
        }

        if (!kind.IsRequestKind())
        {
            return ReminderRules.NewInput();
        }

        var input = new ReminderRuleInput
        {
            Kind = kind, ToAssignee = true, InApp = true, Email = true, IsEnabled = true,
            QuietFrom = new TimeOnly(22, 0), QuietUntil = new TimeOnly(7, 0),
        };
        switch (kind)
        {
            case ReminderKind.RequestDueSoon:
                input.OffsetDays = "4";
                input.SubjectZh = "工单 {{number}} 将于 {{deadline}} 到期";
                input.SubjectEn = "Request {{number}} is due at {{deadline}}";
                input.BodyZh = "{{assignee}}，您好：\n工单 {{number}}（{{subject}}，客户 {{customer}}）将在 {{hours}} 小时后（{{deadline}}）到期，请及时处理。";
                input.BodyEn = "Hello {{assignee}},\nrequest {{number}} ({{subject}}, customer {{customer}}) is due in {{hours}} hours, at {{deadline}}.";
                break;
            case ReminderKind.RequestOverdue:
                input.OffsetDays = "0";
                input.SubjectZh = "工单 {{number}} 已超时";
                input.SubjectEn = "Request {{number}} is overdue";
                input.BodyZh = "工单 {{number}}（{{subject}}，客户 {{customer}}，处理人 {{assignee}}）已于 {{deadline}} 超时。";
                input.BodyEn = "Request {{number}} ({{subject}}, customer {{customer}}, assignee {{assignee}}) was due at {{deadline}}.";
                break;
            default:
                input.OffsetDays = "3";
                input.SubjectZh = "工单 {{number}} 的客户已 {{days}} 天未回复";
                input.SubjectEn = "No answer from the customer of {{number}} for {{days}} days";
                input.BodyZh = "工单 {{number}}（{{subject}}）等待客户 {{customer}} 回复已 {{days}} 天，请跟进或关闭。";
                input.BodyEn = "Request {{number}} ({{subject}}) has waited on {{customer}} for {{days}} days. Please follow up or close it.";
                break;
        }

        return input;
    }
}
