using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using AfterSales.Workflows.Actions;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Dispatch;

/// <summary>
/// The workflow's "assign by the assignment rules": the first matching rule with an available engineer assigns the request in
/// the transition's unit of work. Round robin's place moves in the same unit of work, guarded by the rule's stamp, so two
/// requests assigned at once by one rule cannot both go to the same engineer: the later transition is refused and retried.
/// </summary>
public sealed class RulesAssignment(AssignmentRules rules, ITenantContext tenantContext) : IRequestActionHandler
{
    public bool CanHandle(WorkflowAction action) => action is AssignAction { To: AssigneeSource.Rules };

    public async Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var db = context.Database<IDispatchDb>();
        var ordered = await db.AssignmentRules.OrderBy(r => r.SortOrder).ThenBy(r => r.Name).ToListAsync(cancellationToken);
        var facts = await AssignmentRules.FactsAsync(db, context.Request, cancellationToken);
        var decision = await rules.DecideAsync(db, ordered, facts, context.Request.Id, cancellationToken);
        if (decision is { Rule: { } rule, Engineer: { } engineer })
        {
            context.Assign(new Assignee(engineer.UserId, engineer.Name));
            rule.LastAssignedId = engineer.UserId;
            rule.ConcurrencyStamp = Guid.NewGuid().ToString("N");
            return;
        }

        var zh = tenantContext.Tenant!.DefaultCulture.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        context.Note(zh ? "没有匹配的派工规则或可用工程师，等待调度员分配。" : "No assignment rule matched with an engineer available; left for the dispatcher.");
    }
}
