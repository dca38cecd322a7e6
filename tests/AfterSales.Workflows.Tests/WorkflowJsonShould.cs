using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using AfterSales.Workflows.Serialization;
using AfterSales.Workflows.Sla;
using static AfterSales.Workflows.Tests.Fixtures;

namespace AfterSales.Workflows.Tests;

public sealed class WorkflowJsonShould
{
    public static TheoryData<string> Defaults() => [.. DefaultWorkflows.All.Keys];

    [Theory]
    [MemberData(nameof(Defaults))]
    public void RoundTripDefinitionsExactly(string serviceType)
    {
        var json = WorkflowJson.Serialize(DefaultWorkflows.All[serviceType]);

        var imported = WorkflowJson.Import(json);

        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors));
        Assert.Equal(json, WorkflowJson.Serialize(imported.Definition!));
        Assert.Empty(Versioning.DefinitionDiff.Between(DefaultWorkflows.All[serviceType], imported.Definition!));
    }

    [Fact]
    public void WriteCamelCaseStringEnumsAndIsoDurations()
    {
        var json = WorkflowJson.Serialize(DefaultWorkflows.OnSite());

        Assert.Contains("\"schema\": \"aftersales.workflow/1\"", json);
        Assert.Contains("\"category\": \"inProgress\"", json);
        Assert.Contains("\"state\": \"published\"", json);
        Assert.Contains("\"kind\": \"lockForManager\"", json);
        Assert.Contains("\"duration\": \"P3D\"", json);
        Assert.Contains("\"slaClock\": \"firstResponse\"", json);
        Assert.Contains("\"name\": {\n    \"zh\": \"上门服务\"", json.Replace("\r\n", "\n"));
        Assert.DoesNotContain("startStatus", json);
        Assert.DoesNotContain("isHandledByEngine", json);
    }

    [Fact]
    public void RoundTripInstancesWithTimersClocksAndCounters()
    {
        var engine = new WorkflowEngine(Clock());
        var policy = new SlaPolicy { Key = "std", Targets = [new() { Clock = SlaClockKind.Resolution, Duration = TimeSpan.FromHours(8) }] };
        var context = As(Dispatcher, Request(requestedDate: new DateOnly(2026, 3, 4))) with { SlaPolicy = policy };
        var instance = engine.Fire(DefaultWorkflows.OnSite(), engine.Start(DefaultWorkflows.OnSite(), "SR-1", context).Instance!, "Hold", context).Instance!;
        instance = instance with { Attempts = instance.Attempts.Add("visit", 1) };

        var json = WorkflowJson.Serialize(instance);
        var back = WorkflowJson.DeserializeInstance(json);

        Assert.Equal(json, WorkflowJson.Serialize(back));
        Assert.Equal(1, back.AttemptsOf("visit"));
        Assert.Equal(SlaClockState.Paused, back.Clock(SlaClockKind.Resolution)!.State);
        Assert.Equal(instance.Timers, back.Timers);
    }

    [Fact]
    public void ReadHandWrittenDefinitionsWithTheKindAnywhere()
    {
        const string json = """
            {
              "key": "MINI",
              "name": { "zh": "迷你", "en": "Mini" },
              "statuses": [
                { "key": "Open", "name": { "zh": "开", "en": "Open" }, "category": "new", "isStart": true },
                { "key": "Done", "name": { "zh": "完", "en": "Done" }, "category": "done" }
              ],
              "transitions": [
                { "key": "Finish", "from": ["Open"], "to": "Done", "label": { "zh": "完成", "en": "Finish" }, "roles": ["Agent"],
                  "actions": [ { "template": "done", "recipients": [ { "kind": "role", "value": "Manager" } ], "kind": "notify" } ] }
              ],
              "timers": [ { "key": "auto", "status": "Open", "due": { "duration": "PT4H", "businessTime": true }, "transition": "Finish" } ]
            }
            """;

        var imported = WorkflowJson.Import(json);

        Assert.True(imported.Succeeded, string.Join("; ", imported.Errors));
        var notify = Assert.IsType<NotifyAction>(imported.Definition!.Transitions[0].Actions[0]);
        Assert.Equal(RecipientKind.Role, notify.Recipients[0].Kind);
        Assert.Equal(TimeSpan.FromHours(4), imported.Definition.Timers[0].Due.Duration);
        Assert.Equal((1, DefinitionState.Draft), (imported.Definition.Version, imported.Definition.State));
        Assert.True(new Validation.DefinitionValidator().Validate(imported.Definition).IsValid);
    }

    [Theory]
    [InlineData("""{ "key": "X", "name": { "zh": "x", "en": "x" }, "statuses": [], "transitions": [], "colour": "red" }""", "$.colour")]
    [InlineData("""{ "key": "X", "name": { "zh": "x" }, "statuses": [], "transitions": [] }""", "$.name")]
    [InlineData("""{ "key": "X", "name": { "zh": "x", "en": "x" }, "transitions": [] }""", "$")]
    [InlineData("""{ "key": null, "name": { "zh": "x", "en": "x" }, "statuses": [], "transitions": [] }""", "$.key")]
    [InlineData("""{ "key": "X", "name": { "zh": "x", "en": "x" }, "statuses": [ { "key": "A", "name": { "zh": "a", "en": "a" }, "category": "finished" } ], "transitions": [] }""", "$.statuses[0].category")]
    [InlineData("""{ "key": "X", "name": { "zh": "x", "en": "x" }, "statuses": [], "transitions": [ { "key": "T", "from": [], "to": "A", "label": { "zh": "t", "en": "t" }, "actions": [ { "kind": "launchRocket" } ] } ] }""", "$.transitions[0].actions[0]")]
    [InlineData("""{ "key": "X", "name": { "zh": "x", "en": "x" }, "statuses": [], "transitions": [], "timers": [ { "key": "t", "due": { "duration": "P1M" }, "transition": "T" } ] }""", "$.timers[0].due.duration")]
    [InlineData("""{ "key": "X", "name": { "zh": "x", "en": "x" }, "statuses": [ null ], "transitions": [] }""", "$.statuses[0]")]
    [InlineData("""{ "schema": "elsa/3", "key": "X", "name": { "zh": "x", "en": "x" }, "statuses": [], "transitions": [] }""", "$.schema")]
    [InlineData("""{ "key": "X", "name": """, "$")]
    [InlineData("null", "$")]
    public void ReportShapeErrorsWithTheirPath(string json, string path)
    {
        var imported = WorkflowJson.Import(json);

        Assert.False(imported.Succeeded);
        Assert.Null(imported.Definition);
        var error = Assert.Single(imported.Errors);
        Assert.StartsWith(path, error.Path);
        Assert.False(string.IsNullOrWhiteSpace(error.Message));
    }

    [Fact]
    public void ExplainWhatIsAllowedInsteadOfNamingDotNetTypes()
    {
        const string head = """{ "key": "X", "name": { "zh": "x", "en": "x" }, """;

        var category = WorkflowJson.Import(head + """ "statuses": [ { "key": "A", "name": { "zh": "a", "en": "a" }, "category": "finished" } ], "transitions": [] }""").Errors.Single();
        var kind = WorkflowJson.Import(head + """ "statuses": [], "transitions": [ { "key": "T", "from": [], "to": "A", "label": { "zh": "t", "en": "t" }, "actions": [ { "kind": "launchRocket" } ] } ] }""").Errors.Single();
        var nullKey = WorkflowJson.Import("""{ "key": null, "name": { "zh": "x", "en": "x" }, "statuses": [], "transitions": [] }""").Errors.Single();

        Assert.EndsWith("Allowed values: new, inProgress, waiting, done.", category.Message);
        Assert.StartsWith("Unknown action kind 'launchRocket'. Known kinds: assign, notify, setField", kind.Message);
        Assert.DoesNotContain("AfterSales", nullKey.Message + category.Message);
        Assert.DoesNotContain("nullability", nullKey.Message);
    }
}
