using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// Decides whether transitions may fire for one actor on one instance at one moment: source status, trigger and
/// roles, then the condition. The condition scope is built once, on the first condition, and shared by the rest.
/// </summary>
internal sealed class TransitionGate(ConditionEvaluator conditions, WorkflowDefinition definition, WorkflowInstance instance, WorkflowContext context, DateTimeOffset now)
{
    private ConditionScope? scope;

    /// <summary>Why <paramref name="transition"/> may not fire, or null when it may (form fields are checked by the caller).</summary>
    public TransitionRefusal? Refusal(TransitionDefinition transition)
    {
        if (!transition.From.Contains(instance.Status) || definition.FindStatus(transition.To) is null)
        {
            var status = definition.FindStatus(instance.Status)?.Name ?? new LocalizedText(instance.Status, instance.Status);
            return TransitionRefusal.Of(RefusalReason.NotFromCurrentStatus, WorkflowMessages.NotFromCurrentStatus(transition.Label, status));
        }

        if (!context.Actor.IsSystem)
        {
            if (transition.Trigger == TransitionTrigger.Automatic)
            {
                return TransitionRefusal.Of(RefusalReason.RoleNotAllowed, WorkflowMessages.AutomaticOnly(transition.Label));
            }

            var isAssignee = context.Actor.UserId is { } user && user == context.Request.AssigneeId;
            if (!transition.Roles.Any(r => context.Actor.Roles.Contains(r) || (r == TransitionDefinition.AssigneeRole && isAssignee)))
            {
                return TransitionRefusal.Of(RefusalReason.RoleNotAllowed, WorkflowMessages.RoleNotAllowed(transition.Label));
            }
        }

        if (string.IsNullOrWhiteSpace(transition.Condition))
        {
            return null;
        }

        var result = conditions.Evaluate(transition.Condition, scope ??= Scope());
        return result.Outcome switch
        {
            ConditionOutcome.True => null,
            ConditionOutcome.False => TransitionRefusal.Of(RefusalReason.ConditionFalse, transition.ConditionMessage is { } custom
                ? new WorkflowMessage("workflow.conditionFalse", custom.En, custom.Zh)
                : WorkflowMessages.ConditionFalse(transition.Label)),
            _ => TransitionRefusal.Of(RefusalReason.ConditionFailed, result.Message!, result.Detail),
        };
    }

    private ConditionScope Scope()
    {
        // Every counter the definition uses is present, so a condition reads 0 rather than undefined before the first count.
        var attempts = definition.Transitions
            .SelectMany(t => t.ResetsAttempts.Append(t.CountsAttempt ?? ""))
            .Where(k => k.Length > 0)
            .Distinct()
            .ToDictionary(k => k, instance.AttemptsOf);
        foreach (var (key, count) in instance.Attempts)
        {
            attempts[key] = count;
        }

        return new ConditionScope
        {
            Request = context.Request,
            Actor = context.Actor,
            Status = instance.Status,
            StatusEnteredAt = instance.StatusEnteredAt,
            Attempts = attempts,
            Variables = WorkflowVariables.Typed(definition, instance),
            Now = now,
            Today = context.Calendar.LocalDate(now),
        };
    }
}
