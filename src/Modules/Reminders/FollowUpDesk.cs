using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reminders;

/// <summary>The tenant's follow-up calls: listed for the agents, opened by hand from a customer, closed with a note.</summary>
public sealed class FollowUpDesk(IDbFactory<IRemindersDb> dbFactory, ICurrentUser currentUser, ITenantContext tenantContext, TimeProvider clock)
{
    public const int SubjectLength = 200;
    public const int NotesLength = 2000;

    public async Task<(IReadOnlyList<FollowUpRow> Items, int Total)> ListAsync(FollowUpQuery query, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var rows = from t in db.FollowUpTasks.AsNoTracking()
                   join c in db.Customers.AsNoTracking() on t.CustomerId equals c.Id
                   select new { Task = t, Customer = c };
        rows = query.State switch
        {
            FollowUpState.Open => rows.Where(r => !r.Task.IsDone),
            FollowUpState.Done => rows.Where(r => r.Task.IsDone),
            _ => rows,
        };
        if (query.CustomerId is { } customerId)
        {
            rows = rows.Where(r => r.Task.CustomerId == customerId);
        }

        if (!string.IsNullOrWhiteSpace(query.Role))
        {
            rows = rows.Where(r => r.Task.AssigneeRole == query.Role);
        }

        if (query.MineUserId is { } me)
        {
            // Mine: given to me, or to one of my roles and nobody in particular, or to nobody at all.
            var roles = query.MyRoles ?? [];
            rows = rows.Where(r => r.Task.AssigneeId == me || (r.Task.AssigneeId == null && (r.Task.AssigneeRole == null || roles.Contains(r.Task.AssigneeRole))));
        }

        if (!string.IsNullOrWhiteSpace(query.Search))
        {
            var pattern = SearchPattern.Containing(query.Search.Trim());
            rows = rows.Where(r => EF.Functions.Like(r.Task.Subject, pattern, SearchPattern.Escape) || EF.Functions.Like(r.Customer.Name, pattern, SearchPattern.Escape)
                                   || EF.Functions.Like(r.Customer.Code, pattern, SearchPattern.Escape));
        }

        var total = await rows.CountAsync(cancellationToken);
        var descending = query.Descending;
        var ordered = query.SortBy switch
        {
            nameof(FollowUpRow.Subject) => descending ? rows.OrderByDescending(r => r.Task.Subject) : rows.OrderBy(r => r.Task.Subject),
            nameof(FollowUpRow.CustomerName) => descending ? rows.OrderByDescending(r => r.Customer.Name) : rows.OrderBy(r => r.Customer.Name),
            nameof(FollowUpRow.AssigneeName) => descending ? rows.OrderByDescending(r => r.Task.AssigneeName) : rows.OrderBy(r => r.Task.AssigneeName),
            _ => descending ? rows.OrderByDescending(r => r.Task.DueDate) : rows.OrderBy(r => r.Task.DueDate),
        };
        var items = await ordered.ThenBy(r => r.Task.Id).Skip(Math.Max(0, query.Skip)).Take(Math.Clamp(query.Take, 1, 100))
            .Select(r => new FollowUpRow(r.Task.Id, r.Task.DueDate, r.Task.Subject, r.Task.CustomerId, r.Customer.Name, r.Customer.Code, r.Customer.Phone, r.Task.AssigneeName,
                r.Task.AssigneeRole, r.Task.IsDone, r.Task.Notes, r.Task.DoneAt, r.Task.DoneBy, r.Task.AssigneeId, r.Task.RuleId != null))
            .ToListAsync(cancellationToken);
        return (items, total);
    }

    public async Task<(FollowUpTask Task, string CustomerName)?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var found = await (from t in db.FollowUpTasks.AsNoTracking()
                           join c in db.Customers.AsNoTracking() on t.CustomerId equals c.Id
                           where t.Id == id
                           select new { t, c.Name }).FirstOrDefaultAsync(cancellationToken);
        return found is null ? null : (found.t, found.Name);
    }

    /// <summary>Opens a task by hand for a customer of the tenant: null when the customer is not found, otherwise the problems (empty when saved).</summary>
    public async Task<IReadOnlyDictionary<string, string>?> CreateAsync(Guid customerId, FollowUpInput input, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.Customers.AnyAsync(c => c.Id == customerId, cancellationToken))
        {
            return null;
        }

        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var today = TenantTime.TodayFor(tenantContext.Tenant, clock.GetUtcNow());
        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Trim().Length > SubjectLength)
        {
            errors[nameof(input.Subject)] = "FollowUps.Validation.Subject";
        }

        if (input.DueDate is not { } due || due < today.AddYears(-1) || due > today.AddYears(2))
        {
            errors[nameof(input.DueDate)] = "FollowUps.Validation.DueDate";
        }

        var role = string.IsNullOrWhiteSpace(input.AssigneeRole) ? null : input.AssigneeRole.Trim();
        if (role is not null && !Roles.TenantRoles.Contains(role))
        {
            errors[nameof(input.AssigneeRole)] = "FollowUps.Validation.Role";
        }

        if ((input.Notes?.Length ?? 0) > NotesLength)
        {
            errors[nameof(input.Notes)] = "FollowUps.Validation.Notes";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.FollowUpTasks.Add(new FollowUpTask
        {
            CustomerId = customerId,
            Subject = input.Subject!.Trim(),
            DueDate = input.DueDate!.Value,
            AssigneeRole = role,
            AssigneeId = input.AssigneeId,
            AssigneeName = input.AssigneeName,
            Notes = string.IsNullOrWhiteSpace(input.Notes) ? null : input.Notes.Trim(),
            CreatedAt = clock.GetUtcNow(),
            CreatedBy = currentUser.Name,
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Marks a task done with what the customer said; a task changed since it was loaded is a conflict, not overwritten.</summary>
    public async Task<FollowUpStatus> CompleteAsync(Guid id, string? notes, string loadedStamp, CancellationToken cancellationToken = default)
    {
        if ((notes?.Length ?? 0) > NotesLength)
        {
            return FollowUpStatus.Invalid;
        }

        using var db = dbFactory.Create();
        var task = await db.FollowUpTasks.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (task is null)
        {
            return FollowUpStatus.NotFound;
        }

        if (task.ConcurrencyStamp != loadedStamp || task.IsDone)
        {
            return FollowUpStatus.Conflict;
        }

        task.IsDone = true;
        task.Notes = string.IsNullOrWhiteSpace(notes) ? task.Notes : notes.Trim();
        task.DoneAt = clock.GetUtcNow();
        task.DoneBy = currentUser.Name;
        task.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            return FollowUpStatus.Saved;
        }
        catch (DbUpdateConcurrencyException)
        {
            return FollowUpStatus.Conflict;
        }
    }
}

public enum FollowUpState
{
    Open = 0,
    Done = 1,
    All = 2,
}

public enum FollowUpStatus
{
    Saved,
    NotFound,
    Conflict,
    Invalid,
}

public sealed record FollowUpQuery(
    FollowUpState State = FollowUpState.Open, string? Search = null, string? Role = null, Guid? CustomerId = null, string? MineUserId = null,
    IReadOnlyList<string>? MyRoles = null, string? SortBy = null, bool Descending = false, int Skip = 0, int Take = 20);

public sealed record FollowUpRow(
    Guid Id, DateOnly DueDate, string Subject, Guid CustomerId, string CustomerName, string CustomerCode, string? CustomerPhone, string? AssigneeName,
    string? AssigneeRole, bool IsDone, string? Notes, DateTimeOffset? DoneAt, string? DoneBy, string? AssigneeId, bool FromRule);

/// <summary>A task as staff open it by hand.</summary>
public sealed class FollowUpInput
{
    public string? Subject { get; set; }
    public DateOnly? DueDate { get; set; }
    public string? AssigneeRole { get; set; }
    public string? AssigneeId { get; set; }
    public string? AssigneeName { get; set; }
    public string? Notes { get; set; }
}
