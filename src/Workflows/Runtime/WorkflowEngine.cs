using System.Collections.Immutable;
using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Sla;
using AfterSales.Workflows.Timers;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// Decides what may happen to a request and what follows from it. Pure: it reads a definition, an instance and a
/// context and returns a <see cref="WorkflowResult"/> — nothing is stored, sent or scheduled — so the host, the
/// designer's simulator and tests run the same code. Thread-safe.
/// </summary>
public sealed class WorkflowEngine
{
    private readonly ConditionEvaluator conditions;
    private readonly TimeProvider time;

    /// <summary>An engine reading the time from <paramref name="time"/> (the system clock when null).</summary>
    public WorkflowEngine(TimeProvider? time = null, ConditionEvaluator? conditions = null)
    {
        this.time = time ?? TimeProvider.System;
        this.conditions = conditions ?? ConditionEvaluator.Default;
    }

    /// <summary>
    /// Starts an instance in the start status: its SLA clocks, timers and entry actions. The instance has version 1. It starts
    /// at <c>at</c> when given, else now: a request's instance starts when the request came in, since the few milliseconds its
    /// saving takes would otherwise count against its SLA during working hours.
    /// </summary>
    /// <exception cref="ArgumentException">The definition has no single start status (it would not pass validation).</exception>
    public WorkflowResult Start(WorkflowDefinition definition, string instanceId, WorkflowContext context, DateTimeOffset? at = null)
    {
        var start = definition.StartStatus ?? throw new ArgumentException($"Workflow {definition.Key} v{definition.Version} has no single start status.", nameof(definition));
        var now = at ?? time.GetUtcNow();
        var instance = new WorkflowInstance
        {
            Id = instanceId,
            DefinitionKey = definition.Key,
            DefinitionVersion = definition.Version,
            Status = start.Key,
            StatusEnteredAt = now,
            StartedAt = now,
            Variables = definition.Variables.ToImmutableSortedDictionary(v => v.Key, v => v.Default, StringComparer.Ordinal),
        };

        var change = new InstanceChange(definition, instance, context, now);
        if (context.SlaPolicy is { } policy)
        {
            var targets = policy.TargetsFor(context.Request.ServiceType, context.Request.Priority);
            change.ReplaceClocks(SlaClocks.Start(definition, targets, start, now, context.Calendar));
        }

        foreach (var timer in definition.Timers.Where(t => t.StartsOn == TimerStart.InstanceStarted))
        {
            change.StartTimer(timer);
        }

        change.Enter(start);
        var started = change.Bump();
        return change.Complete(History(HistoryKind.Started, now, context, started, from: null));
    }

    /// <summary>The transitions <paramref name="context"/>'s actor may fire now: leaving the current status, allowed for their roles, condition true.</summary>
    public IReadOnlyList<AvailableTransition> Available(WorkflowDefinition definition, WorkflowInstance instance, WorkflowContext context)
    {
        var gate = new TransitionGate(conditions, definition, instance, context, time.GetUtcNow());
        return definition.Transitions
            .Where(t => gate.Refusal(t) is null)
            .Select(t => new AvailableTransition(t.Key, t.Label, t.To, t.RequiredFields))
            .ToList();
    }

    /// <summary>Why <paramref name="transitionKey"/> is not available now, or null when it is (form fields are not checked).</summary>
    public TransitionRefusal? Check(WorkflowDefinition definition, WorkflowInstance instance, string transitionKey, WorkflowContext context) =>
        definition.FindTransition(transitionKey) is { } transition
            ? new TransitionGate(conditions, definition, instance, context, time.GetUtcNow()).Refusal(transition)
            : TransitionRefusal.Of(RefusalReason.UnknownTransition, WorkflowMessages.UnknownTransition(transitionKey));

    /// <summary>
    /// Fires a transition: checks the pinned version, <paramref name="expectedVersion"/> (the version the caller read;
    /// null to skip), roles, condition and required form fields, then returns the new state with the actions to run
    /// (exit → transition → entry) and the timers to schedule or cancel.
    /// </summary>
    public WorkflowResult Fire(WorkflowDefinition definition, WorkflowInstance instance, string transitionKey, WorkflowContext context,
        IReadOnlyDictionary<string, object?>? formValues = null, long? expectedVersion = null)
    {
        formValues ??= FormValues.Empty;
        if (Pinning(definition, instance) is { } mismatch)
        {
            return WorkflowResult.Refused(mismatch);
        }

        if (expectedVersion is { } expected && expected != instance.Version)
        {
            return WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.ConcurrencyConflict, WorkflowMessages.ConcurrencyConflict));
        }

        if (definition.FindTransition(transitionKey) is not { } transition)
        {
            return WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.UnknownTransition, WorkflowMessages.UnknownTransition(transitionKey)));
        }

        if (new TransitionGate(conditions, definition, instance, context, time.GetUtcNow()).Refusal(transition) is { } refusal)
        {
            return WorkflowResult.Refused(refusal);
        }

        var missing = transition.RequiredFields.Where(f => FormValues.IsEmpty(formValues.GetValueOrDefault(f))).ToList();
        if (missing.Count > 0)
        {
            return WorkflowResult.Refused(new TransitionRefusal(RefusalReason.MissingRequiredFields, WorkflowMessages.MissingFields(missing), missing));
        }

        var now = time.GetUtcNow();
        var change = new InstanceChange(definition, instance, context, now) { FormValues = formValues };
        Move(definition, change, transition);
        var moved = change.Bump();
        return change.Complete(History(HistoryKind.Transition, now, context, moved, instance.Status) with
        {
            TransitionKey = transition.Key,
            FormValues = formValues,
        });
    }

    /// <summary>
    /// Runs a timer whose job has fired. A timer no longer armed with that generation (the instance left the status,
    /// the timer was cancelled or re-armed, or it already fired) is a no-op refused with <see cref="RefusalReason.TimerStale"/>.
    /// Otherwise the timer is consumed, its actions run and its transition fires as the system when it can.
    /// </summary>
    public WorkflowResult FireTimer(WorkflowDefinition definition, WorkflowInstance instance, TimerId timerId, WorkflowContext context)
    {
        if (Pinning(definition, instance) is { } mismatch)
        {
            return WorkflowResult.Refused(mismatch);
        }

        if (timerId.InstanceId != instance.Id)
        {
            return WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.TimerNotForInstance, WorkflowMessages.TimerNotForInstance));
        }

        var pending = instance.Timers.FirstOrDefault(t => t.Key == timerId.TimerKey && t.Generation == timerId.Generation && t.DueAt is not null);
        if (pending is null || definition.FindTimer(timerId.TimerKey) is not { } timer)
        {
            return WorkflowResult.Refused(TransitionRefusal.Of(RefusalReason.TimerStale, WorkflowMessages.TimerStale));
        }

        var now = time.GetUtcNow();
        var system = context with { Actor = WorkflowActor.System };
        var change = new InstanceChange(definition, instance, system, now);
        change.Consume(pending);

        // The calendar may have changed since the job was scheduled: an SLA timer that is not yet due waits again.
        if (timer.Due.SlaClock is { } kind && instance.Clock(kind) is { } clock && clock.Remaining(now, context.Calendar) > TimeSpan.Zero)
        {
            change.Arm(timer.Key, clock.DueAt(context.Calendar));
            change.Bump();
            return change.Complete(null);
        }

        change.Run(timer.Actions, ActionOrigin.Timer, timer.Key);
        var history = History(HistoryKind.TimerFired, now, system, instance, instance.Status) with { TimerKey = timer.Key };
        if (timer.Transition is { } key && definition.FindTransition(key) is { } transition)
        {
            var refusal = new TransitionGate(conditions, definition, change.Instance, system, now).Refusal(transition);
            if (refusal is null)
            {
                Move(definition, change, transition);
                history = history with { TransitionKey = transition.Key };
            }
            else
            {
                history = history with { Note = WorkflowMessages.TimerTransitionSkipped(transition.Key, refusal.Message) };
            }
        }

        var fired = change.Bump();
        return change.Complete(history with { To = fired.Status, InstanceVersion = fired.Version });
    }

    /// <summary>Gives the instance's SLA clocks the targets of <paramref name="policy"/>, keeping accrued time and pauses, and re-arms the timers that follow them.</summary>
    public WorkflowResult RetargetSla(WorkflowDefinition definition, WorkflowInstance instance, SlaPolicy policy, WorkflowContext context)
    {
        if (Pinning(definition, instance) is { } mismatch)
        {
            return WorkflowResult.Refused(mismatch);
        }

        var now = time.GetUtcNow();
        var change = new InstanceChange(definition, instance, context, now);
        change.ReplaceClocks(SlaClocks.Retarget(instance.SlaClocks, policy.TargetsFor(context.Request.ServiceType, context.Request.Priority)));
        var retargeted = change.Bump();
        return change.Complete(History(HistoryKind.SlaRetargeted, now, context, retargeted, instance.Status));
    }

    private static void Move(WorkflowDefinition definition, InstanceChange change, TransitionDefinition transition)
    {
        // A draft under simulation may reference a status that no longer exists; it is simply not left with actions.
        if (definition.FindStatus(change.Instance.Status) is { } from)
        {
            change.Leave(from);
        }

        change.Run(transition.Actions, ActionOrigin.Transition, transition.Key);
        change.Count(transition);
        change.Enter(definition.FindStatus(transition.To)!);
    }

    private static TransitionRefusal? Pinning(WorkflowDefinition definition, WorkflowInstance instance) =>
        definition.Key == instance.DefinitionKey && definition.Version == instance.DefinitionVersion
            ? null
            : TransitionRefusal.Of(RefusalReason.DefinitionMismatch, WorkflowMessages.DefinitionMismatch(instance.DefinitionKey, instance.DefinitionVersion));

    private static HistoryEntry History(HistoryKind kind, DateTimeOffset at, WorkflowContext context, WorkflowInstance after, string? from) => new()
    {
        Kind = kind,
        At = at,
        ActorId = context.Actor.UserId,
        ActorName = context.Actor.Name,
        From = from,
        To = after.Status,
        DefinitionVersion = after.DefinitionVersion,
        InstanceVersion = after.Version,
    };
}
