using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Sla;
using AfterSales.Workflows.Timers;

namespace AfterSales.Workflows.Runtime;

/// <summary>
/// One change to an instance being put together: the working copy of its state plus the actions and timer
/// commands collected on the way, in the order they arise. Used by one engine call, then discarded.
/// </summary>
internal sealed class InstanceChange(WorkflowDefinition definition, WorkflowInstance instance, WorkflowContext context, DateTimeOffset now)
{
    private readonly List<ActionStep> actions = [];
    private readonly List<TimerCommand> timerCommands = [];

    public WorkflowInstance Instance { get; private set; } = instance;

    public IReadOnlyDictionary<string, object?> FormValues { get; init; } = Runtime.FormValues.Empty;

    public void Leave(StatusDefinition status)
    {
        foreach (var timer in definition.Timers.Where(t => t.StartsOn == TimerStart.StatusEntered && t.Status == status.Key))
        {
            CancelTimer(timer.Key);
        }

        Run(status.ExitActions, ActionOrigin.StatusExit, status.Key);
    }

    public void Enter(StatusDefinition status)
    {
        Instance = Instance with { Status = status.Key, StatusEnteredAt = now };
        UpdateClocks(status);
        if (status.Category == StatusCategory.Done)
        {
            foreach (var pending in Instance.Timers.ToList())
            {
                CancelTimer(pending.Key);
            }
        }
        else
        {
            foreach (var timer in definition.Timers.Where(t => t.StartsOn == TimerStart.StatusEntered && t.Status == status.Key))
            {
                StartTimer(timer);
            }
        }

        Run(status.EntryActions, ActionOrigin.StatusEntry, status.Key);
    }

    public void Count(TransitionDefinition transition)
    {
        var attempts = Instance.Attempts.RemoveRange(transition.ResetsAttempts);
        if (transition.CountsAttempt is { } counter)
        {
            attempts = attempts.SetItem(counter, attempts.GetValueOrDefault(counter) + 1);
        }

        Instance = Instance with { Attempts = attempts };
    }

    public void Run(IEnumerable<WorkflowAction> list, ActionOrigin origin, string elementKey)
    {
        foreach (var action in list)
        {
            switch (action)
            {
                case StartTimerAction start when definition.FindTimer(start.Timer) is { } timer:
                    StartTimer(timer);
                    break;
                case CancelTimerAction cancel:
                    CancelTimer(cancel.Timer);
                    break;
                case SetVariableAction set:
                    var value = set.FromFormField is { } field ? Runtime.FormValues.ToInvariantText(FormValues.GetValueOrDefault(field)) : set.Value;
                    Instance = Instance with { Variables = Instance.Variables.SetItem(set.Variable, value) };
                    break;
                case { IsHandledByEngine: false }:
                    actions.Add(new ActionStep(action, origin, elementKey));
                    break;
            }
        }
    }

    public void StartTimer(TimerDefinition timer)
    {
        CancelTimer(timer.Key);
        var due = TimerArming.DueAt(timer.Due, Instance, context, now, out var paused);
        if (due is null && !paused)
        {
            return;
        }

        Arm(timer.Key, paused ? null : due);
    }

    public void CancelTimer(string key)
    {
        if (Instance.Timers.FirstOrDefault(t => t.Key == key) is not { } pending)
        {
            return;
        }

        Instance = Instance with { Timers = Instance.Timers.Remove(pending) };
        if (pending.DueAt is not null)
        {
            timerCommands.Add(TimerCommand.Cancel(new TimerId(Instance.Id, key, pending.Generation)));
        }
    }

    /// <summary>Takes a fired timer off the instance; its job has run, so no cancel command is needed.</summary>
    public void Consume(PendingTimer pending) => Instance = Instance with { Timers = Instance.Timers.Remove(pending) };

    public void Arm(string key, DateTimeOffset? due)
    {
        var generation = Instance.TimerGenerations.GetValueOrDefault(key) + 1;
        Instance = Instance with
        {
            TimerGenerations = Instance.TimerGenerations.SetItem(key, generation),
            Timers = Instance.Timers.Add(new PendingTimer(key, generation, due)),
        };
        if (due is { } at)
        {
            timerCommands.Add(TimerCommand.Schedule(new TimerId(Instance.Id, key, generation), at));
        }
    }

    public void ReplaceClocks(IEnumerable<SlaClock> clocks)
    {
        var before = Instance.SlaClocks;
        Instance = Instance with { SlaClocks = [.. clocks] };
        foreach (var clock in Instance.SlaClocks.Where(c => before.FirstOrDefault(b => b.Kind == c.Kind) != c))
        {
            RearmSlaTimers(clock);
        }
    }

    public WorkflowResult Complete(HistoryEntry? history) => new()
    {
        Instance = Instance,
        Actions = actions,
        TimerCommands = timerCommands,
        History = history,
        FormValues = FormValues,
    };

    public WorkflowInstance Bump() => Instance = Instance with { Version = Instance.Version + 1 };

    private void UpdateClocks(StatusDefinition status) =>
        ReplaceClocks(Instance.SlaClocks.Select(clock => SlaClocks.OnStatusEntered(clock, definition, status, now, context.Calendar)));

    // A clock that paused, resumed, stopped or got a new target moves its due instant, so timers following it are
    // re-armed with a new generation and the job scheduled for the old instant becomes stale.
    private void RearmSlaTimers(SlaClock clock)
    {
        foreach (var timer in definition.Timers.Where(t => t.Due.SlaClock == clock.Kind && Instance.Timers.Any(p => p.Key == t.Key)))
        {
            CancelTimer(timer.Key);
            if (clock.State != SlaClockState.Stopped)
            {
                Arm(timer.Key, clock.DueAt(context.Calendar));
            }
        }
    }
}
