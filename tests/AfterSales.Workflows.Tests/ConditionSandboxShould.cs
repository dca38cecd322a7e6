using System.Diagnostics;
using System.Text.Json;
using AfterSales.Workflows.Conditions;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Workflows.Tests;

public sealed class ConditionSandboxShould
{
    private static readonly ConditionEvaluator Evaluator = new();

    // Growing memory or a deep stack takes time too: on a loaded machine the default 100 ms clock could stop these first, which
    // proves a different limit. With the clock out of the way, what stops them must be their own limit.
    private static readonly ConditionEvaluator PatientEvaluator = new(new ConditionSandbox { Timeout = TimeSpan.FromSeconds(10) });

    private static ConditionScope Scope() => new()
    {
        Request = new RequestSnapshot
        {
            Priority = "High",
            AssigneeId = "eng-1",
            Fields = new Dictionary<string, object?> { ["requestedDate"] = new DateOnly(2026, 3, 5), ["createdAt"] = Fixtures.Monday9, ["amount"] = 120m },
            CustomFields = new Dictionary<string, object?>
            {
                ["vip"] = true,
                ["tags"] = new[] { "battery", "screen" },
                ["json"] = JsonDocument.Parse("""{"n": 3, "list": [1, 2]}""").RootElement,
            },
        },
        Actor = Fixtures.Manager,
        Status = "Assigned",
        Attempts = new Dictionary<string, int> { ["visit"] = 1 },
        Variables = new Dictionary<string, object?> { ["escalated"] = false },
        Now = Fixtures.Monday9,
        StatusEnteredAt = Fixtures.Monday9.AddHours(-2),
        Today = new DateOnly(2026, 3, 2),
    };

    [Theory]
    [InlineData("request.priority === 'High' && request.custom.vip", true)]
    [InlineData("request.custom.tags.includes('screen') && request.custom.json.list.length === 2 && request.custom.json.n === 3", true)]
    [InlineData("attempts.visit + 1 >= 2", true)]
    [InlineData("user.roles.includes('Manager') && user.id === 'mgr-1'", true)]
    [InlineData("request.requestedDate > today", true)]
    [InlineData("(now - statusEnteredAt) / 3600000 >= 2", true)]
    [InlineData("request.createdAt.getTime() === now.getTime()", true)]
    [InlineData("request.amount > 100 && vars.escalated === false && status === 'Assigned'", true)]
    [InlineData("request.assigneeId === null", false)]
    public void EvaluateExpressionsOverTheRequest(string expression, bool expected)
    {
        var result = Evaluator.Evaluate(expression, Scope());

        Assert.Equal(expected ? ConditionOutcome.True : ConditionOutcome.False, result.Outcome);
    }

    [Theory]
    [InlineData("while(true){}", ConditionFailure.StatementLimit)]
    [InlineData("let a = []; while (true) { a.push('x'.repeat(1000) + a.length); }", ConditionFailure.MemoryLimit)]
    [InlineData("let s = 'x'; while (true) { s = s + s; }", ConditionFailure.MemoryLimit)]
    [InlineData("new Array(1e9).fill(0)", ConditionFailure.MemoryLimit)]
    [InlineData("function f(n) { return f(n + 1); } f(0)", ConditionFailure.RecursionLimit)]
    [InlineData("/(a+)+$/.test('aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa!')", ConditionFailure.Timeout)]
    [InlineData("System.IO.File.Exists('/etc/passwd')", ConditionFailure.ScriptError)]
    [InlineData("importNamespace('System.IO').File", ConditionFailure.ScriptError)]
    [InlineData("request.GetType().Assembly", ConditionFailure.ScriptError)]
    [InlineData("this.constructor.constructor('return process')()", ConditionFailure.ScriptError)]
    [InlineData("eval('1 === 1')", ConditionFailure.ScriptError)]
    [InlineData("undeclared = true", ConditionFailure.ScriptError)]
    [InlineData("throw new Error('boom')", ConditionFailure.ScriptError)]
    [InlineData("request.priority", ConditionFailure.NotBoolean)]
    [InlineData("request.missing.deeper", ConditionFailure.ScriptError)]
    [InlineData("1 +", ConditionFailure.Syntax)]
    public void StopHostileOrBrokenConditionsAsFailures(string expression, ConditionFailure expected)
    {
        // Only the timeout case is judged by the default clock; the others must be stopped by their own limit, which a loaded
        // machine must not pre-empt with a timeout.
        var patient = expected != ConditionFailure.Timeout;
        var watch = Stopwatch.StartNew();

        var result = (patient ? PatientEvaluator : Evaluator).Evaluate(expression, Scope());

        Assert.Equal(ConditionOutcome.Failed, result.Outcome);
        Assert.Equal(expected, result.Failure);
        Assert.NotNull(result.Message);
        Assert.StartsWith("workflow.condition.", result.Message.Code);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(patient ? 10 : 2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void StopAnInfiniteLoopByTheClockWhenStatementsAreUnlimited()
    {
        var evaluator = new ConditionEvaluator(new ConditionSandbox { MaxStatements = int.MaxValue, Timeout = TimeSpan.FromMilliseconds(50) });
        var watch = Stopwatch.StartNew();

        var result = evaluator.Evaluate("while(true){}", Scope());

        Assert.Equal(ConditionFailure.Timeout, result.Failure);
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(2), $"took {watch.Elapsed}");
    }

    [Fact]
    public void KeepNothingOneConditionLeavesBehindForTheNext()
    {
        Assert.Equal(ConditionOutcome.Failed, Evaluator.Evaluate("globalThis.leak = true; request.priority = 'Low'; undefinedCall()", Scope()).Outcome);

        Assert.True(Evaluator.Evaluate("typeof leak === 'undefined' && request.priority === 'High'", Scope()).IsTrue);
    }

    [Fact]
    public void ReportSyntaxErrorsAndReferencedNamesWhenCompiling()
    {
        Assert.False(Evaluator.Compile("request.priority ===").Succeeded);
        Assert.NotNull(Evaluator.Compile("request.priority ===").Error);

        var compiled = Evaluator.Compile("reqest.priority === 'High' && Math.max(1, attempts.visit) > 0");
        Assert.True(compiled.Succeeded);
        Assert.Contains("reqest", compiled.ReferencedGlobals);
        Assert.Contains("attempts", compiled.ReferencedGlobals);
    }

    [Fact]
    public void ShareParsedScriptsBetweenEvaluations()
    {
        Assert.Same(Evaluator.Compile("status === 'Assigned'"), Evaluator.Compile("status === 'Assigned'"));
    }

    [Fact]
    public void EvaluateInParallelWithoutInterference()
    {
        var results = Enumerable.Range(0, 200).AsParallel().Select(i =>
            Evaluator.Evaluate($"attempts.visit + {i} === {i + 1}", Scope()).IsTrue).ToList();

        Assert.All(results, Assert.True);
    }
}
