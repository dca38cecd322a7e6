using System.Globalization;
using AfterSales.Modules.Shared;

namespace AfterSales.Modules.Reminders;

/// <summary>
/// When greetings and follow-up calls fall, in the tenant's calendar days, and the words a new rule of those kinds starts with.
/// </summary>
public static class CareEvents
{
    /// <summary>
    /// The day <paramref name="date"/> comes round in <paramref name="year"/>: a 29 February is greeted on 28 February in the
    /// years that have none, so a leap-day birthday is not skipped three years in four.
    /// </summary>
    public static DateOnly Occurrence(DateOnly date, int year) =>
        new(year, date.Month, Math.Min(date.Day, DateTime.DaysInMonth(year, date.Month)));

    /// <summary>
    /// The greetings of a yearly day (a birthday, a purchase date) on <paramref name="today"/>: one per offset (days before the day)
    /// whose due day lies within the planning horizon and not longer ago than the catch-up window. Anniversaries start one year
    /// after <paramref name="date"/>; a birthday also comes round in its own year (a customer entered with a birthday in the future is a typo, not a newborn, but it does no harm).
    /// </summary>
    public static IEnumerable<(int Offset, DateOnly DueDate, DateOnly Day)> Yearly(DateOnly date, IReadOnlyList<int> offsets, DateOnly today, bool anniversary)
    {
        for (var year = today.Year - 1; year <= today.Year + 1; year++)
        {
            if (anniversary ? year <= date.Year : year < date.Year)
            {
                continue;
            }

            var day = Occurrence(date, year);
            foreach (var offset in offsets)
            {
                var due = day.AddDays(-offset);
                if (due <= today.AddDays(ReminderSchedule.HorizonDays) && due >= today.AddDays(-ReminderSchedule.CatchUpDays))
                {
                    yield return (offset, due, day);
                }
            }
        }
    }

    /// <summary>The follow-ups of an event on <paramref name="day"/>: one per offset (days after it) within the horizon and the catch-up window.</summary>
    public static IEnumerable<(int Offset, DateOnly DueDate)> After(DateOnly day, IReadOnlyList<int> offsets, DateOnly today)
    {
        foreach (var offset in offsets)
        {
            var due = day.AddDays(offset);
            if (due <= today.AddDays(ReminderSchedule.HorizonDays) && due >= today.AddDays(-ReminderSchedule.CatchUpDays))
            {
                yield return (offset, due);
            }
        }
    }

    /// <summary>The day a unit counts as bought: its purchase date, else its warranty start.</summary>
    public static DateOnly? Bought(DateOnly? purchaseDate, DateOnly? warrantyStart) => purchaseDate ?? warrantyStart;

    /// <summary>The tenant's calendar day of an instant.</summary>
    public static DateOnly LocalDay(DateTimeOffset instant, TimeZoneInfo zone) => ReminderSchedule.Today(instant, zone);

    public static string Day(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A new rule of a greeting or follow-up kind, with words and offsets to start from.</summary>
    public static ReminderRuleInput NewInput(ReminderKind kind) => kind switch
    {
        ReminderKind.Birthday => new ReminderRuleInput
        {
            Kind = kind, OffsetDays = "0", ToCustomer = true, Email = true, IsEnabled = true, QuietFrom = new TimeOnly(21, 0), QuietUntil = new TimeOnly(9, 0),
            SubjectZh = "{{customer}}，祝您生日快乐！",
            SubjectEn = "Happy birthday, {{customer}}!",
            BodyZh = "{{customer}}，您好：\n{{company}}全体员工祝您生日快乐，感谢您一直以来的信任与支持！",
            BodyEn = "Dear {{customer}},\neveryone at {{company}} wishes you a happy birthday, and thanks you for your trust.",
        },
        ReminderKind.PurchaseAnniversary => new ReminderRuleInput
        {
            Kind = kind, OffsetDays = "0", ToCustomer = true, Email = true, IsEnabled = true, QuietFrom = new TimeOnly(21, 0), QuietUntil = new TimeOnly(9, 0),
            SubjectZh = "您的 {{model}} 已陪伴您 {{years}} 年",
            SubjectEn = "{{years}} years with your {{model}}",
            BodyZh = "{{customer}}，您好：\n您于 {{purchaseDate}} 购买的 {{model}}（序列号 {{serialNumber}}）已陪伴您 {{years}} 年。感谢您选择{{company}}，如需保养或延保，欢迎随时联系我们。",
            BodyEn = "Dear {{customer}},\nyour {{model}} (serial number {{serialNumber}}), bought on {{purchaseDate}}, has been with you for {{years}} years. Thank you for choosing {{company}}; for maintenance or a warranty extension, just get in touch.",
        },
        ReminderKind.FollowUpAfterClose => new ReminderRuleInput
        {
            Kind = kind, OffsetDays = "3", StaffRole = Roles.Agent, InApp = true, IsEnabled = true,
            SubjectZh = "回访客户 {{customer}}：工单 {{number}}",
            SubjectEn = "Call {{customer}} about request {{number}}",
            BodyZh = "工单 {{number}}（{{subject}}）已于 {{closedOn}} 关闭 {{days}} 天，请回访客户 {{customer}} 了解服务满意度。",
            BodyEn = "Request {{number}} ({{subject}}) was closed on {{closedOn}}, {{days}} days ago. Please call {{customer}} to ask how the service went.",
        },
        _ => new ReminderRuleInput
        {
            Kind = kind, OffsetDays = "7", StaffRole = Roles.Agent, InApp = true, IsEnabled = true,
            SubjectZh = "回访客户 {{customer}}：新购 {{model}}",
            SubjectEn = "Call {{customer}} about their new {{model}}",
            BodyZh = "客户 {{customer}} 于 {{purchaseDate}} 购买了 {{model}}（序列号 {{serialNumber}}），请回访了解安装与使用情况。",
            BodyEn = "{{customer}} bought a {{model}} (serial number {{serialNumber}}) on {{purchaseDate}}. Please call to ask how installation and first use went.",
        },
    };
}

/// <summary>What a greeting's or follow-up's words are filled with, and where its notification leads.</summary>
public static class CareEventValues
{
    public static (Dictionary<string, string?> Values, string Link) Of(ReminderKind kind, DueReminder reminder, Customers.Customer customer, Products.SerialNumber? unit,
        Service.ServiceRequest? request, TimeZoneInfo zone, DateOnly today, string company)
    {
        var values = new Dictionary<string, string?>(StringComparer.Ordinal) { ["customer"] = customer.Name, ["company"] = company };
        var day = reminder.DueDate.AddDays(kind.IsFollowUpKind() ? -reminder.OffsetDays : reminder.OffsetDays);
        values["days"] = (kind.IsFollowUpKind() ? Math.Max(reminder.OffsetDays, today.DayNumber - day.DayNumber) : Math.Max(0, day.DayNumber - today.DayNumber))
            .ToString(CultureInfo.InvariantCulture);
        switch (kind)
        {
            case ReminderKind.Birthday:
                values["birthday"] = day.ToString("MM-dd", CultureInfo.InvariantCulture);
                return (values, $"customers/{customer.Id}");
            case ReminderKind.FollowUpAfterClose:
                values["number"] = request!.Number;
                values["subject"] = request.Subject;
                values["closedOn"] = CareEvents.Day(CareEvents.LocalDay(request.ClosedAt!.Value, zone));
                return (values, $"requests/{Uri.EscapeDataString(request.Number)}");
            default:
                var bought = CareEvents.Bought(unit!.PurchaseDate, unit.WarrantyStart)!.Value;
                values["serialNumber"] = unit.Number;
                values["model"] = unit.Model?.Name;
                values["purchaseDate"] = CareEvents.Day(bought);
                values["years"] = (day.Year - bought.Year).ToString(CultureInfo.InvariantCulture);
                return (values, $"warranty?sn={Uri.EscapeDataString(unit.Number)}");
        }
    }
}
