using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>
/// "Assign to a role": the member of the role with the fewest open requests takes it, so work spreads without a dispatcher;
/// ties go by name, so the choice is the same on every replica. A role without active members leaves the request unassigned.
/// </summary>
public sealed class RoleAssignment(IAssigneeDirectory staff) : IRequestActionHandler
{
    public bool CanHandle(WorkflowAction action) => action is AssignAction { To: AssigneeSource.Role, Value: not null and not "" };

    public async Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var role = ((AssignAction)context.Action).Value!;
        var members = await staff.InRoleAsync(role, cancellationToken);
        if (members.Count == 0)
        {
            return;
        }

        var ids = members.Select(m => m.UserId).ToList();
        var load = await context.Db.ServiceRequests.AsNoTracking()
            .Where(r => r.AssigneeId != null && ids.Contains(r.AssigneeId) && r.StatusCategory != StatusCategory.Done && r.Id != context.Request.Id)
            .GroupBy(r => r.AssigneeId!).Select(g => new { g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Key, g => g.Count, cancellationToken);
        var chosen = members.OrderBy(m => load.GetValueOrDefault(m.UserId)).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.UserId, StringComparer.Ordinal).First();
        context.Assign(new Assignee(chosen.UserId, chosen.Name));
    }
}
