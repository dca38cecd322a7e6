using System.Collections.Immutable;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Sla;
using AfterSales.Workflows.Timers;

namespace AfterSales.Workflows.Versioning;

/// <summary>
/// Moves one instance along a <see cref="MigrationPlan"/>. Migration is administrative: no status actions run; the
/// instance keeps its attempts, variables and SLA clocks, keeps the timers the new version still arms the same way,
/// and gets the new version's timers for its status.
/// </summary>
public sealed class InstanceMigrator(TimeProvider? time = null)
{
    private readonly TimeProvider time = time ?? TimeProvider.System;

    /// <summary>The migrated instance (pinned to <see cref="MigrationPlan.To"/>, version increased), or a refusal when the plan does not apply to it.</summary>
    public WorkflowResult Migrate(MigrationPlan plan, WorkflowInstance instance, WorkflowContext context)
    {
        if (instance.DefinitionKey != plan.From.Key || instance.DefinitionVersion != plan.From.Version)
        {
            return WorkflowResult.Refused(new TransitionRefusal(RefusalReason.DefinitionMismatch,
                WorkflowMessages.DefinitionMismatch(instance.DefinitionKey, instance.DefinitionVersion), []));
        }

        if (plan.Check([instance.Status]) is { Count: > 0 } issues)
        {
            return WorkflowResult.Refused(new TransitionRefusal(RefusalReason.NotFromCurrentStatus, issues[0].Message, []));
        }

        var now = time.GetUtcNow();
        var target = plan.To.FindStatus(plan.StatusMap[instance.Status])!;
        var moved = instance with
        {
            DefinitionVersion = plan.To.Version,
            Status = target.Key,
            StatusEnteredAt = target.Key == instance.Status ? instance.StatusEnteredAt : now,
            Variables = plan.To.Variables.Where(v => !instance.Variables.ContainsKey(v.Key))
                .Aggregate(instance.Variables, (vars, v) => vars.Add(v.Key, v.Default)),
        };

        var change = new InstanceChange(plan.To, moved, context, now);
        var redefined = moved.Timers.Where(p => !StillArmed(plan, p, target)).Select(p => p.Key).ToImmutableHashSet();
        foreach (var key in redefined)
        {
            change.CancelTimer(key);
        }

        change.ReplaceClocks(change.Instance.SlaClocks.Select(c => SlaClocks.OnStatusEntered(c, plan.To, target, now, context.Calendar)));
        var statusChanged = target.Key != instance.Status;
        foreach (var timer in plan.To.Timers.Where(t => change.Instance.Timers.All(p => p.Key != t.Key)))
        {
            // Re-arm what was armed under another definition; arm what the instance would have armed had it run on
            // the new version (its status's timers when the status changes, instance timers new in this version).
            var arm = redefined.Contains(timer.Key)
                ? ArmsIn(timer, target)
                : (statusChanged && timer.StartsOn == TimerStart.StatusEntered && timer.Status == target.Key) ||
                  (timer.StartsOn == TimerStart.InstanceStarted && plan.From.FindTimer(timer.Key) is null);
            if (arm)
            {
                change.StartTimer(timer);
            }
        }

        var migrated = change.Bump();
        return change.Complete(new HistoryEntry
        {
            Kind = HistoryKind.Migrated,
            At = now,
            ActorId = context.Actor.UserId,
            ActorName = context.Actor.Name,
            From = instance.Status,
            To = migrated.Status,
            DefinitionVersion = migrated.DefinitionVersion,
            InstanceVersion = migrated.Version,
            Note = new WorkflowMessage("workflow.migrated",
                $"Moved from version {plan.From.Version} to version {plan.To.Version}.", $"已从第 {plan.From.Version} 版迁移到第 {plan.To.Version} 版。"),
        });
    }

    // A pending timer survives when the new version arms it the same way in the status the instance lands in.
    private static bool StillArmed(MigrationPlan plan, PendingTimer pending, StatusDefinition target) =>
        plan.From.FindTimer(pending.Key) is { } before && plan.To.FindTimer(pending.Key) is { } after &&
        WorkflowJson.Compact(before) == WorkflowJson.Compact(after) && ArmsIn(after, target);

    private static bool ArmsIn(TimerDefinition timer, StatusDefinition status) =>
        timer.StartsOn != TimerStart.StatusEntered || timer.Status == status.Key;
}
