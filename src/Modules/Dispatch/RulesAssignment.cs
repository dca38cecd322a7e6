using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using AfterSales.Workflows.Actions;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// The workflow's "assign by the assignment rules" (optionally of one rule set): the first matching rule with an available
/// engineer assigns the request in the transition's unit of work. A round-robin rule's place moves in the same unit of work,
/// guarded by its stamp, so two requests assigned at once by one rule cannot both go to the same engineer: the later
/// transition is refused as a conflict (a new request's insert is retried).
/// </summary>
public sealed class RulesAssignment(AssignmentDecider decider, ITenantContext tenantContext) : IRequestActionHandler
{
    public bool CanHandle(WorkflowAction action) => action is AssignAction { To: AssigneeSource.Rules };

    public async Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var db = context.Database<IDispatchDb>();
        var (decision, cursors) = await decider.DecideForAsync(db, context.Request, ((AssignAction)context.Action).Value, cancellationToken);
        if (decision is { Rule: { } rule, Engineer: { } engineer })
        {
            context.Assign(new Assignee(engineer.UserId, engineer.Name));
            AssignmentDecider.TakeTurn(db, cursors, rule, engineer.UserId);
            return;
        }

        var zh = tenantContext.Tenant!.DefaultCulture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        context.Note(zh ? "没有匹配的派工规则或可用工程师，等待调度员分配。" : "No assignment rule matched with an engineer available; left for the dispatcher.");
    }
}
