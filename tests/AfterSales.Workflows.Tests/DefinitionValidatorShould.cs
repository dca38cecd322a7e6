using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Validation;

namespace AfterSales.Workflows.Tests;

public sealed class DefinitionValidatorShould
{
    private readonly DefinitionValidator validator = new();

    private static WorkflowDefinition Valid() => Fixtures.Tiny();

    private static WorkflowDefinition WithTransition(WorkflowDefinition d, string key, Func<TransitionDefinition, TransitionDefinition> change) =>
        d with { Transitions = [.. d.Transitions.Select(t => t.Key == key ? change(t) : t)] };

    private static WorkflowDefinition WithStatus(WorkflowDefinition d, string key, Func<StatusDefinition, StatusDefinition> change) =>
        d with { Statuses = [.. d.Statuses.Select(s => s.Key == key ? change(s) : s)] };

    [Fact]
    public void AcceptAValidDefinition()
    {
        Assert.True(validator.Validate(Valid()).IsValid, validator.Validate(Valid()).ToString());
    }

    [Fact]
    public void RequireExactlyOneStartStatus()
    {
        Assert.True(validator.Validate(WithStatus(Valid(), "Open", s => s with { IsStart = false })).Has(ValidationCodes.NoStartStatus));
        var two = validator.Validate(WithStatus(Valid(), "Doing", s => s with { IsStart = true }));
        Assert.True(two.Has(ValidationCodes.MultipleStartStatuses, "Doing"));
        Assert.Equal(DefinitionElement.Status, two.Errors.Single().Element);
    }

    [Fact]
    public void RequireADoneStatus()
    {
        Assert.True(validator.Validate(WithStatus(Valid(), "Done", s => s with { Category = StatusCategory.Waiting })).Has(ValidationCodes.NoDoneStatus));
    }

    [Fact]
    public void PointAtStatusesThatCannotBeReached()
    {
        var d = Valid() with { Statuses = [.. Valid().Statuses, new() { Key = "Limbo", Name = new("悬", "Limbo"), Category = StatusCategory.Waiting }] };

        var report = validator.Validate(d);

        var issue = Assert.Single(report.Errors);
        Assert.Equal((ValidationCodes.UnreachableStatus, DefinitionElement.Status, "Limbo"), (issue.Code, issue.Element, issue.ElementKey));
        Assert.Contains("Limbo", issue.Message.Zh);
    }

    [Fact]
    public void RequireRolesOnManualTransitionsOnly()
    {
        Assert.True(validator.Validate(WithTransition(Valid(), "Finish", t => t with { Roles = [] })).Has(ValidationCodes.TransitionWithoutRoles, "Finish"));
        Assert.True(validator.Validate(WithTransition(Valid(), "Finish", t => t with { Roles = [], Trigger = TransitionTrigger.Automatic })).IsValid);
    }

    [Fact]
    public void FindUnknownStatusesInTransitions()
    {
        var report = validator.Validate(WithTransition(Valid(), "Finish", t => t with { From = ["Doing", "Nowhere"], To = "Elsewhere" }));

        Assert.Equal(2, report.Errors.Count(e => e.Code == ValidationCodes.UnknownStatus && e.ElementKey == "Finish"));
        Assert.True(validator.Validate(WithTransition(Valid(), "Finish", t => t with { From = [] })).Has(ValidationCodes.TransitionWithoutSource, "Finish"));
    }

    [Fact]
    public void FindDuplicateAndMalformedKeys()
    {
        var d = Valid() with { Transitions = [.. Valid().Transitions, Valid().Transitions[1]] };
        Assert.True(validator.Validate(d).Has(ValidationCodes.DuplicateKey, "Finish"));
        Assert.True(validator.Validate(WithStatus(Valid(), "Done", s => s with { Key = "Done/Closed" })).Has(ValidationCodes.InvalidKey, "Done/Closed"));
        Assert.True(validator.Validate(Valid() with { Key = "" }).Has(ValidationCodes.InvalidKey));
    }

    [Fact]
    public void ReportConditionsThatDoNotCompileOrUseUnknownNames()
    {
        var syntax = validator.Validate(WithTransition(Valid(), "Start", t => t with { Condition = "request.priority ===" }));
        var typo = validator.Validate(WithTransition(Valid(), "Start", t => t with { Condition = "reqest.priority === 'High' && Math.abs(attempts.visit) < 2 && JSON.stringify(vars) !== ''" }));

        Assert.True(syntax.Has(ValidationCodes.ConditionSyntax, "Start"));
        var unknown = Assert.Single(typo.Errors);
        Assert.Equal(ValidationCodes.ConditionUnknownName, unknown.Code);
        Assert.Contains("reqest", unknown.Message.En);
    }

    [Fact]
    public void CheckRequiredFieldsAndRolesAgainstKnownOnes()
    {
        var d = WithTransition(Valid(), "Finish", t => t with { RequiredFields = ["resolution", "signature"], Roles = ["Dispatcher", "Janitor", TransitionDefinition.AssigneeRole] });

        var report = validator.Validate(d, knownFieldKeys: new HashSet<string> { "resolution" }, knownRoles: WorkflowRoles.All);

        Assert.Equal(["unknownField", "unknownRole"], report.Errors.Select(e => e.Code).Order());
        Assert.Contains(report.Errors, e => e.Message.En.Contains("signature"));
        Assert.True(validator.Validate(d).IsValid);
    }

    [Fact]
    public void CheckTimers()
    {
        TimerDefinition Timer(string key) => new() { Key = key, Status = "Doing", Due = TimerDue.After(TimeSpan.FromHours(1)), Transition = "Finish" };
        var d = Valid() with
        {
            Timers =
            [
                Timer("ok"),
                Timer("ghostTransition") with { Transition = "Vanish" },
                Timer("ghostStatus") with { Status = "Nowhere" },
                Timer("wrongStatus") with { Status = "Open" },
                Timer("noDue") with { Due = new TimerDue() },
                Timer("twoDues") with { Due = TimerDue.After(TimeSpan.FromHours(1)) with { Field = "requestedDate" } },
                Timer("negative") with { Due = TimerDue.After(TimeSpan.FromHours(-1)) },
                Timer("noEffect") with { Transition = null },
                Timer("noClock") with { Due = TimerDue.AtSla(Sla.SlaClockKind.Resolution) },
                Timer("noStatus") with { Status = null },
            ],
            Transitions = [.. Valid().Transitions.Select(t => t with { Actions = [] })],
        };

        var report = validator.Validate(d);

        Assert.Equal(
            [
                ("ghostTransition", ValidationCodes.UnknownTransition), ("ghostStatus", ValidationCodes.UnknownStatus),
                ("ghostStatus", ValidationCodes.TimerTransitionNotFromStatus), ("wrongStatus", ValidationCodes.TimerTransitionNotFromStatus),
                ("noDue", ValidationCodes.InvalidTimerDue), ("twoDues", ValidationCodes.InvalidTimerDue), ("negative", ValidationCodes.InvalidTimerDue),
                ("noEffect", ValidationCodes.TimerWithoutEffect), ("noClock", ValidationCodes.UnknownSlaClock), ("noStatus", ValidationCodes.TimerWithoutStatus),
            ],
            report.Errors.Select(e => (e.ElementKey!, e.Code)));
        Assert.All(report.Errors, e => Assert.Equal(DefinitionElement.Timer, e.Element));
    }

    [Fact]
    public void RefuseTimersThatFireTransitionsNeedingInput()
    {
        var d = WithTransition(Valid(), "Finish", t => t with { RequiredFields = ["resolution"] }) with
        {
            Timers = [new() { Key = "auto", Status = "Doing", Due = TimerDue.After(TimeSpan.FromHours(1)), Transition = "Finish" }],
        };

        Assert.True(validator.Validate(d).Has(ValidationCodes.TimerTransitionNeedsFields, "auto"));
    }

    [Fact]
    public void CheckActionReferencesAndParameters()
    {
        var d = WithStatus(Valid(), "Doing", s => s with
        {
            EntryActions =
            [
                new StartTimerAction { Timer = "ghost" },
                new CancelTimerAction { Timer = "ghost" },
                new SetVariableAction { Variable = "nope", Value = "1" },
                new NotifyAction { Recipients = [], Template = "x" },
                new AssignAction { To = AssigneeSource.Role },
                new CallWebhookAction { Url = "not a url" },
                new AssignAction { To = AssigneeSource.Rules },
            ],
        });

        var report = validator.Validate(d);

        Assert.Equal(
            [ValidationCodes.UnknownTimer, ValidationCodes.UnknownTimer, ValidationCodes.UnknownVariable, ValidationCodes.InvalidAction, ValidationCodes.InvalidAction, ValidationCodes.InvalidAction],
            report.Errors.Select(e => e.Code));
        Assert.All(report.Errors, e => Assert.Equal(("Doing", DefinitionElement.Status), (e.ElementKey!, e.Element)));
    }

    [Fact]
    public void CheckVariableDefaultsAndSlaClocks()
    {
        var d = Valid() with
        {
            Variables = [new() { Key = "tier", Type = VariableType.Number, Default = "one" }],
            SlaClocks = [new() { Clock = Sla.SlaClockKind.Resolution, StopsIn = ["Gone"] }, new() { Clock = Sla.SlaClockKind.Resolution, StopsIn = [] }],
        };

        var report = validator.Validate(d);

        Assert.Equal([ValidationCodes.InvalidVariableDefault, ValidationCodes.DuplicateSlaClock, ValidationCodes.UnknownStatus], report.Errors.Select(e => e.Code));
    }
}
