using System.Collections.Concurrent;
using System.Globalization;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using AfterSales.Workflows.Sla;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Sla;

/// <summary>
/// The tenant's SLA: targets per service type and priority, weekly business hours, holidays and make-up working days. Requests
/// read them as an <see cref="SlaSettings"/> (policy and calendar) on every transition, so they are cached per tenant.
/// </summary>
public sealed class SlaBook(IDbFactory<ISlaDb> dbFactory, SlaCache cache, ITenantContext tenantContext, TimeProvider clock)
{
    public const int HolidayNameLength = 64;

    /// <summary>A target above a year is a typo, not a promise.</summary>
    public const int MaxMinutes = 8760 * 60;

    /// <summary>The hours a tenant is offered when it first sets its calendar: Monday to Friday, 9–12 and 13–18.</summary>
    public static readonly IReadOnlyList<WorkingHours> OfficeHours =
    [
        .. Enum.GetValues<DayOfWeek>().Where(d => d is not (DayOfWeek.Saturday or DayOfWeek.Sunday))
            .SelectMany(d => new[] { new WorkingHours(d, new TimeOnly(9, 0), new TimeOnly(12, 0)), new WorkingHours(d, new TimeOnly(13, 0), new TimeOnly(18, 0)) }),
    ];

    private TenantInfo Tenant => tenantContext.Tenant ?? throw new InvalidOperationException("The SLA belongs to a tenant.");

    /// <summary>The policy and calendar requests are measured by.</summary>
    public async Task<SlaSettings> SettingsAsync(CancellationToken cancellationToken = default)
    {
        var tenant = Tenant;
        if (cache.TryGet(tenant.Id, clock.GetUtcNow(), out var cached) && cached.Calendar.TimeZoneId == tenant.TimeZone)
        {
            return cached;
        }

        using var db = dbFactory.Create();
        var types = await db.ServiceTypes.AsNoTracking().Select(t => new { t.Id, t.Code, t.SlaHours }).ToListAsync(cancellationToken);
        var rows = await db.ServiceLevelTargets.AsNoTracking().ToListAsync(cancellationToken);
        var codes = types.ToDictionary(t => t.Id, t => t.Code);
        var targets = rows.Where(r => r.ServiceTypeId is null || codes.ContainsKey(r.ServiceTypeId.Value))
            .Select(r => new SlaTarget
            {
                ServiceType = r.ServiceTypeId is { } id ? codes[id] : null,
                Priority = r.Priority?.ToString(),
                Clock = r.Clock,
                Duration = TimeSpan.FromMinutes(r.Minutes),
            })
            .Concat(types.Where(t => t.SlaHours is not null).Select(t => new SlaTarget
            {
                ServiceType = t.Code, Clock = SlaClockKind.Resolution, Duration = TimeSpan.FromHours(t.SlaHours!.Value),
            }))
            .ToList();
        var hours = await db.BusinessHours.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        var days = await db.Holidays.AsNoTracking().ToListAsync(cancellationToken);
        var settings = new SlaSettings(new SlaPolicy { Key = "tenant", Targets = targets }, Calendar(tenant.TimeZone, hours, days));
        cache.Set(tenant.Id, settings, clock.GetUtcNow());
        return settings;
    }

    /// <summary>The targets of every service type, and of every type at once (<see cref="TypeTargets.TypeId"/> null, first).</summary>
    public async Task<IReadOnlyList<TypeTargets>> TargetsAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var types = await db.ServiceTypes.AsNoTracking().Where(t => !t.IsRetired).OrderBy(t => t.SortOrder).ThenBy(t => t.Code).ToListAsync(cancellationToken);
        var rows = await db.ServiceLevelTargets.AsNoTracking().ToListAsync(cancellationToken);
        var all = new TypeTargets(null, null, "", Cells(rows.Where(r => r.ServiceTypeId is null), null));
        return [all, .. types.Select(t => new TypeTargets(t.Id, t, t.ConcurrencyStamp, Cells(rows.Where(r => r.ServiceTypeId == t.Id), t.SlaHours)))];
    }

    /// <summary>
    /// Replaces the targets of one service type (or of every type, <paramref name="typeId"/> null). A blank cell inherits: from the
    /// type for every priority, then from every type. The type's resolution target for every priority is its <see cref="ServiceType.SlaHours"/>.
    /// </summary>
    public async Task<SlaSaveResult> SaveTargetsAsync(Guid? typeId, IReadOnlyList<TargetCell> cells, string? loadedTypeStamp, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var cell in cells.Where(c => c.Minutes is not null))
        {
            if (cell.Minutes is < 1 or > MaxMinutes)
            {
                errors[cell.Key] = "Sla.Validation.Range";
            }
            else if (typeId is not null && cell.IsTypeResolution && cell.Minutes % 60 != 0)
            {
                errors[cell.Key] = "Sla.Validation.WholeHours";
            }
        }

        if (cells.GroupBy(c => c.Key).Any(g => g.Count() > 1))
        {
            throw new ArgumentException("A target cell appears twice.", nameof(cells));
        }

        if (errors.Count > 0)
        {
            return new SlaSaveResult(SlaSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        if (typeId is { } id)
        {
            var type = await db.ServiceTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
            if (type is null)
            {
                return new SlaSaveResult(SlaSaveStatus.NotFound);
            }

            if (loadedTypeStamp is not null && type.ConcurrencyStamp != loadedTypeStamp)
            {
                return new SlaSaveResult(SlaSaveStatus.Conflict);
            }

            type.SlaHours = cells.FirstOrDefault(c => c.IsTypeResolution)?.Minutes / 60;
            type.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }

        db.ServiceLevelTargets.RemoveRange(await db.ServiceLevelTargets.Where(t => t.ServiceTypeId == typeId).ToListAsync(cancellationToken));
        db.ServiceLevelTargets.AddRange(cells
            .Where(c => c.Minutes is not null && !(typeId is not null && c.IsTypeResolution))
            .Select(c => new ServiceLevelTarget { ServiceTypeId = typeId, Priority = c.Priority, Clock = c.Clock, Minutes = c.Minutes!.Value }));
        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>The weekly hours (null when the tenant works round the clock) and the stamp to save them against.</summary>
    public async Task<(IReadOnlyList<WorkingHours>? Periods, string? Stamp)> HoursAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var row = await db.BusinessHours.AsNoTracking().FirstOrDefaultAsync(cancellationToken);
        return row is null ? (null, null) : (ParsePeriods(row.Periods), row.ConcurrencyStamp);
    }

    /// <summary>Sets the weekly hours; null <paramref name="periods"/> means round the clock.</summary>
    public async Task<SlaSaveResult> SaveHoursAsync(IReadOnlyList<WorkingHours>? periods, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        if (periods is not null && PeriodErrors(periods) is { Count: > 0 } errors)
        {
            return new SlaSaveResult(SlaSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        var row = await db.BusinessHours.FirstOrDefaultAsync(cancellationToken);
        if (row?.ConcurrencyStamp != loadedStamp)
        {
            return new SlaSaveResult(SlaSaveStatus.Conflict);
        }

        if (periods is null)
        {
            if (row is not null)
            {
                db.BusinessHours.Remove(row);
            }
        }
        else
        {
            if (row is null)
            {
                db.BusinessHours.Add(row = new BusinessHours());
            }

            row.Periods = FormatPeriods(periods);
            row.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        }

        return await SaveAsync(db, cancellationToken);
    }

    /// <summary>Problems of a week's periods, keyed by weekday: empty or overlapping periods.</summary>
    public static Dictionary<string, string> PeriodErrors(IReadOnlyList<WorkingHours> periods)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (periods.Count == 0)
        {
            errors[""] = "Sla.Validation.NoHours";
        }

        foreach (var day in periods.GroupBy(p => p.Day))
        {
            var ordered = day.OrderBy(p => p.From).ToList();
            if (ordered.Any(p => p.To != TimeOnly.MinValue && p.To <= p.From))
            {
                errors[day.Key.ToString()] = "Sla.Validation.EmptyPeriod";
            }
            else if (ordered.Zip(ordered.Skip(1)).Any(pair => pair.First.To == TimeOnly.MinValue || pair.First.To > pair.Second.From))
            {
                errors[day.Key.ToString()] = "Sla.Validation.Overlap";
            }
        }

        return errors;
    }

    /// <summary>The tenant's special days of <paramref name="year"/>, by date.</summary>
    public async Task<IReadOnlyList<Holiday>> HolidaysAsync(int year, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var from = new DateOnly(year, 1, 1);
        var to = new DateOnly(year, 12, 31);
        return await db.Holidays.AsNoTracking().Where(h => h.Date >= from && h.Date <= to).OrderBy(h => h.Date).ToListAsync(cancellationToken);
    }

    /// <summary>The years that have special days, and the current one, newest first.</summary>
    public async Task<IReadOnlyList<int>> HolidayYearsAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var dates = await db.Holidays.AsNoTracking().Select(h => h.Date).ToListAsync(cancellationToken);
        var thisYear = Tenant.TodayFor(clock.GetUtcNow()).Year;
        return dates.Select(d => d.Year).Append(thisYear).Append(thisYear + 1).Distinct().OrderByDescending(y => y).ToList();
    }

    /// <summary>Adds a special day, or changes the one of that date.</summary>
    public async Task<SlaSaveResult> SaveHolidayAsync(HolidayInput input, CancellationToken cancellationToken = default)
    {
        var errors = HolidayErrors(input);
        if (errors.Count > 0)
        {
            return new SlaSaveResult(SlaSaveStatus.Invalid, errors);
        }

        using var db = dbFactory.Create();
        var date = input.Date!.Value;
        var row = await db.Holidays.FirstOrDefaultAsync(h => h.Date == date, cancellationToken);
        if (row is null)
        {
            db.Holidays.Add(row = new Holiday { Date = date });
        }

        row.Name = input.Name!.Trim();
        row.WorksAs = input.IsWorkday ? input.WorksAs ?? DayOfWeek.Monday : null;
        return await SaveAsync(db, cancellationToken);
    }

    public async Task<bool> DeleteHolidayAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var row = await db.Holidays.FirstOrDefaultAsync(h => h.Id == id, cancellationToken);
        if (row is null)
        {
            return false;
        }

        db.Holidays.Remove(row);
        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(Tenant.Id);
        return true;
    }

    /// <summary>
    /// Adds or changes special days from lines <c>date,name[,workday]</c> (e.g. <c>2026-10-01,国庆节</c> and
    /// <c>2026-10-10,国庆调休,workday</c>): all of them, or none when a line is wrong, every wrong line reported.
    /// </summary>
    public async Task<HolidayImportResult> ImportHolidaysAsync(string text, CancellationToken cancellationToken = default)
    {
        var inputs = new List<HolidayInput>();
        var errors = new List<HolidayLineError>();
        var lines = (text ?? "").Split('\n');
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || line.StartsWith('#'))
            {
                continue;
            }

            var parts = line.Split([',', '\t', '，'], StringSplitOptions.TrimEntries);
            var input = new HolidayInput
            {
                Date = DateOnly.TryParseExact(parts[0], ["yyyy-MM-dd", "yyyy/M/d", "yyyy-M-d"], CultureInfo.InvariantCulture, DateTimeStyles.None, out var date) ? date : null,
                Name = parts.Length > 1 ? parts[1] : null,
            };
            var workday = parts.Length > 2 ? parts[2].ToLowerInvariant() : "";
            input.IsWorkday = workday is "workday" or "work" or "班" or "上班" or "调休上班";
            if (workday.Length > 0 && !input.IsWorkday && workday is not ("holiday" or "off" or "休" or "休息"))
            {
                errors.Add(new HolidayLineError(i + 1, line, "Sla.Validation.Kind"));
                continue;
            }

            input.WorksAs = input.IsWorkday && input.Date is { } d ? WeekdayOf(d) : null;
            var lineErrors = HolidayErrors(input);
            if (lineErrors.Count > 0)
            {
                errors.Add(new HolidayLineError(i + 1, line, lineErrors.Values.First()));
            }
            else if (inputs.Any(x => x.Date == input.Date))
            {
                errors.Add(new HolidayLineError(i + 1, line, "Sla.Validation.DateTwice"));
            }
            else
            {
                inputs.Add(input);
            }
        }

        if (errors.Count > 0 || inputs.Count == 0)
        {
            return new HolidayImportResult(0, errors.Count > 0 ? errors : [new HolidayLineError(0, "", "Sla.Validation.NothingToImport")]);
        }

        using var db = dbFactory.Create();
        var dates = inputs.Select(x => x.Date!.Value).ToList();
        var existing = (await db.Holidays.Where(h => dates.Contains(h.Date)).ToListAsync(cancellationToken)).ToDictionary(h => h.Date);
        foreach (var input in inputs)
        {
            if (!existing.TryGetValue(input.Date!.Value, out var row))
            {
                db.Holidays.Add(row = new Holiday { Date = input.Date.Value });
            }

            row.Name = input.Name!.Trim();
            row.WorksAs = input.WorksAs;
        }

        await db.SaveChangesAsync(cancellationToken);
        cache.Invalidate(Tenant.Id);
        return new HolidayImportResult(inputs.Count, []);
    }

    /// <summary>A make-up working day on a weekend usually stands in for a weekday; Monday is the safe guess the admin can change.</summary>
    public static DayOfWeek WeekdayOf(DateOnly date) =>
        date.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? DayOfWeek.Monday : date.DayOfWeek;

    /// <summary>The calendar of a tenant's settings; round the clock in its time zone when it has no hours.</summary>
    public static BusinessCalendar Calendar(string timeZone, BusinessHours? hours, IReadOnlyCollection<Holiday> days)
    {
        var periods = hours is null ? null : ParsePeriods(hours.Periods);
        if (periods is null or { Count: 0 })
        {
            periods = [.. Enum.GetValues<DayOfWeek>().Select(d => new WorkingHours(d, TimeOnly.MinValue, TimeOnly.MinValue))];
        }

        return new BusinessCalendar(timeZone, periods,
            [.. days.Where(d => d.WorksAs is null).Select(d => d.Date)],
            [.. days.Where(d => d.WorksAs is not null).Select(d => new MakeUpDay(d.Date, d.WorksAs!.Value))]);
    }

    /// <summary>Periods as stored: <c>Monday 09:00-12:00;…</c>.</summary>
    public static string FormatPeriods(IEnumerable<WorkingHours> periods) =>
        string.Join(';', periods.OrderBy(p => (((int)p.Day + 6) % 7, p.From))
            .Select(p => $"{p.Day} {p.From.ToString("HH:mm", CultureInfo.InvariantCulture)}-{p.To.ToString("HH:mm", CultureInfo.InvariantCulture)}"));

    public static IReadOnlyList<WorkingHours> ParsePeriods(string text) =>
        text.Split(';', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(part =>
        {
            var (day, span) = (part[..part.IndexOf(' ')], part[(part.IndexOf(' ') + 1)..]);
            var times = span.Split('-');
            return new WorkingHours(Enum.Parse<DayOfWeek>(day),
                TimeOnly.ParseExact(times[0], "HH:mm", CultureInfo.InvariantCulture), TimeOnly.ParseExact(times[1], "HH:mm", CultureInfo.InvariantCulture));
        }).ToList();

    private static Dictionary<string, string> HolidayErrors(HolidayInput input)
    {
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        if (input.Date is null)
        {
            errors[nameof(input.Date)] = "Sla.Validation.Date";
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            errors[nameof(input.Name)] = "Sla.Validation.Name";
        }
        else if (input.Name.Trim().Length > HolidayNameLength)
        {
            errors[nameof(input.Name)] = "Sla.Validation.NameLength";
        }

        return errors;
    }

    private static Dictionary<(SlaClockKind, RequestPriority?), int> Cells(IEnumerable<ServiceLevelTarget> rows, int? typeResolutionHours)
    {
        var cells = rows.ToDictionary(r => (r.Clock, r.Priority), r => r.Minutes);
        if (typeResolutionHours is { } hours)
        {
            cells[(SlaClockKind.Resolution, null)] = hours * 60;
        }

        return cells;
    }

    private async Task<SlaSaveResult> SaveAsync(ISlaDb db, CancellationToken cancellationToken)
    {
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new SlaSaveResult(SlaSaveStatus.Conflict);
        }

        cache.Invalidate(Tenant.Id);
        return new SlaSaveResult(SlaSaveStatus.Saved);
    }
}

/// <summary>What requests are measured by: the tenant's policy and its calendar.</summary>
public sealed record SlaSettings(SlaPolicy Policy, BusinessCalendar Calendar);

/// <summary>
/// SLA settings per tenant for a short while. A save on this replica invalidates at once; another replica's save is seen within
/// <see cref="Lifetime"/>, which only shifts due dates that timers re-check when they fire.
/// </summary>
public sealed class SlaCache
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(60);

    private readonly ConcurrentDictionary<string, (SlaSettings Settings, DateTimeOffset Until)> entries = new(StringComparer.Ordinal);

    public bool TryGet(string tenantId, DateTimeOffset now, out SlaSettings settings)
    {
        if (entries.TryGetValue(tenantId, out var entry) && entry.Until > now)
        {
            settings = entry.Settings;
            return true;
        }

        settings = null!;
        return false;
    }

    public void Set(string tenantId, SlaSettings settings, DateTimeOffset now) => entries[tenantId] = (settings, now + Lifetime);

    public void Invalidate(string tenantId) => entries.TryRemove(tenantId, out _);
}

/// <summary>A service type's targets for the SLA page; <see cref="TypeId"/> null for the row of every type.</summary>
public sealed record TypeTargets(Guid? TypeId, ServiceType? Type, string Stamp, IReadOnlyDictionary<(SlaClockKind Clock, RequestPriority? Priority), int> Minutes);

/// <summary>One cell of the targets editor; <see cref="Minutes"/> null inherits.</summary>
public sealed record TargetCell(SlaClockKind Clock, RequestPriority? Priority, int? Minutes)
{
    public string Key => $"{Clock}:{Priority?.ToString() ?? "*"}";

    /// <summary>The cell a service type keeps as its own SLA hours.</summary>
    public bool IsTypeResolution => Clock == SlaClockKind.Resolution && Priority is null;
}

public sealed class HolidayInput
{
    public DateOnly? Date { get; set; }
    public string? Name { get; set; }
    public bool IsWorkday { get; set; }
    public DayOfWeek? WorksAs { get; set; }
}

public enum SlaSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record SlaSaveResult(SlaSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null);

public sealed record HolidayLineError(int Line, string Text, string Error);

public sealed record HolidayImportResult(int Imported, IReadOnlyList<HolidayLineError> Errors);
