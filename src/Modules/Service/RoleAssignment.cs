using AfterSales.Workflows.Actions;

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

        var load = await Workload.OpenCountsAsync(context.Db.ServiceRequests, [.. members.Select(m => m.UserId)], context.Request.Id, cancellationToken);
        var chosen = members.OrderBy(m => load.GetValueOrDefault(m.UserId)).ThenBy(m => m.Name, StringComparer.Ordinal).ThenBy(m => m.UserId, StringComparer.Ordinal).First();
        context.Assign(new Assignee(chosen.UserId, chosen.Name));
    }
}
