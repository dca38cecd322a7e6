using AfterSales.Workflows.Defaults;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Runtime;
using BenchmarkDotNet.Attributes;

namespace AfterSales.Benchmarks;

/// <summary>
/// The transitions a user may fire now (the buttons of a request page), through <see cref="WorkflowEngine.Available"/>, warm:
/// five transitions out of the current status each guarded by a condition (the case), against the same five with
/// roles only, so the ratio is what the Jint conditions cost.
/// </summary>
[Config(typeof(PerCallConfig))]
public class WorkflowAvailable
{
    private static readonly string[] Conditions =
    [
        "request.priority !== 'Low'",
        "attempts.visit + 1 < 2",
        "user.roles.includes('Dispatcher') && request.custom.vip === true",
        "request.requestedDate >= today",
        "(now - statusEnteredAt) < 86400000 * 3",
    ];

    private readonly WorkflowEngine _engine = new(TimeProvider.System);
    private WorkflowDefinition _definition = null!;
    private WorkflowInstance _instance = null!;
    private WorkflowContext _context = null!;

    [GlobalSetup(Target = nameof(RolesOnly))]
    public void SetUpRolesOnly() => SetUp(withConditions: false);

    [GlobalSetup(Target = nameof(FiveConditions))]
    public void SetUpFiveConditions() => SetUp(withConditions: true);

    [Benchmark(Baseline = true, Description = "Available, 5 transitions, roles only")]
    public int RolesOnly() => _engine.Available(_definition, _instance, _context).Count;

    [Benchmark(Description = "Available, 5 transitions, 5 conditions")]
    public int FiveConditions() => _engine.Available(_definition, _instance, _context).Count;

    private void SetUp(bool withConditions)
    {
        _definition = new WorkflowDefinition
        {
            Key = "BENCH",
            Version = 1,
            State = DefinitionState.Published,
            Name = new("基准", "Benchmark"),
            Statuses =
            [
                new() { Key = "Open", Name = new("打开", "Open"), Category = StatusCategory.New, IsStart = true },
                new() { Key = "Doing", Name = new("进行", "Doing"), Category = StatusCategory.InProgress },
                new() { Key = "Done", Name = new("完成", "Done"), Category = StatusCategory.Done },
            ],
            Transitions =
            [
                .. Conditions.Select((condition, i) => new TransitionDefinition
                {
                    Key = $"T{i}", From = ["Open"], To = "Doing", Label = new("t", "t"), Roles = [WorkflowRoles.Dispatcher],
                    Condition = withConditions ? condition : null, CountsAttempt = "visit",
                }),
                new() { Key = "Finish", From = ["Doing"], To = "Done", Label = new("完成", "Finish"), Roles = [WorkflowRoles.Dispatcher] },
            ],
        };
        var request = new RequestSnapshot
        {
            Id = "SR-1",
            ServiceType = "ONSITE",
            Priority = "Normal",
            Fields = new Dictionary<string, object?> { ["requestedDate"] = DateOnly.FromDateTime(DateTime.Today.AddDays(3)) },
            CustomFields = new Dictionary<string, object?> { ["vip"] = true },
        };
        _context = WorkflowContext.For(WorkflowActor.User("disp-1", "Dana", WorkflowRoles.Dispatcher), request);
        _instance = _engine.Start(_definition, "P-1", _context).Instance!;
        for (var i = 0; i < PerCallConfig.WarmUpCalls; i++)
        {
            if (_engine.Available(_definition, _instance, _context).Count != Conditions.Length)
            {
                throw new InvalidOperationException("Every transition should be available: the benchmark would measure refusals.");
            }
        }
    }
}
