using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Jint;
using Jint.Runtime;

namespace AfterSales.Workflows.Conditions;

/// <summary>
/// Evaluates transition conditions — JavaScript expressions — in a Jint sandbox: strict mode, no CLR access, no
/// <c>eval</c>, and the limits of <see cref="ConditionSandbox"/>. Parsed scripts are cached by text and shared
/// across threads; each evaluation gets a fresh engine so no condition sees what another left behind.
/// Thread-safe; one instance per process is enough.
/// </summary>
public sealed class ConditionEvaluator
{
    // Conditions come from a handful of definitions per tenant; the bound only stops a pathological caller from
    // growing the cache without end.
    private const int MaxCachedScripts = 4096;

    private static readonly ScriptPreparationOptions PreparationOptions = new() { CollectReferencedGlobals = true };

    private readonly ConcurrentDictionary<string, ConditionCompilation> cache = new(StringComparer.Ordinal);
    private readonly Options engineOptions;

    /// <summary>An evaluator with <paramref name="sandbox"/> limits (the defaults when null).</summary>
    public ConditionEvaluator(ConditionSandbox? sandbox = null)
    {
        Sandbox = sandbox ?? ConditionSandbox.Default;
        engineOptions = new Options();
        engineOptions.Strict();
        engineOptions.DisableStringCompilation();
        engineOptions.TimeoutInterval(Sandbox.Timeout);
        engineOptions.LimitMemory(Sandbox.MemoryLimitBytes);
        engineOptions.MaxStatements(Sandbox.MaxStatements);
        engineOptions.LimitRecursion(Sandbox.MaxRecursionDepth);
        engineOptions.Constraints.MaxArraySize = Sandbox.MaxArraySize;
        engineOptions.Constraints.RegexTimeout = Sandbox.RegexTimeout;
    }

    /// <summary>A shared evaluator with the default limits.</summary>
    public static ConditionEvaluator Default { get; } = new();

    /// <summary>The limits in force.</summary>
    public ConditionSandbox Sandbox { get; }

    /// <summary>Parses <paramref name="expression"/> (cached); never throws.</summary>
    public ConditionCompilation Compile(string expression)
    {
        if (cache.TryGetValue(expression, out var cached))
        {
            return cached;
        }

        if (cache.Count >= MaxCachedScripts)
        {
            cache.Clear();
        }

        return cache.GetOrAdd(expression, Parse);
    }

    /// <summary>
    /// Evaluates <paramref name="expression"/> against <paramref name="scope"/>. Never throws and never runs past the
    /// sandbox limits: any failure is a <see cref="ConditionOutcome.Failed"/> result.
    /// </summary>
    public ConditionResult Evaluate(string expression, ConditionScope scope)
    {
        var compiled = Compile(expression);
        if (compiled.Script is not { } script)
        {
            return ConditionResult.Failed(ConditionFailure.Syntax, WorkflowMessages.ConditionSyntax, compiled.Error);
        }

        try
        {
            var engine = new Engine(engineOptions);
            JsValues.Define(engine, scope);
            var value = engine.Evaluate(script);
            return value.IsBoolean()
                ? (value.AsBoolean() ? ConditionResult.True : ConditionResult.False)
                : ConditionResult.Failed(ConditionFailure.NotBoolean, WorkflowMessages.ConditionNotBoolean, $"The condition returned {value.Type}.");
        }
        catch (Exception e)
        {
            // A condition is untrusted input: whatever goes wrong inside it must block the transition, not reach the caller.
            return Classify(e);
        }
    }

    private static ConditionResult Classify(Exception e) => e switch
    {
        MemoryLimitExceededException => ConditionResult.Failed(ConditionFailure.MemoryLimit, WorkflowMessages.ConditionMemory, e.Message),
        StatementsCountOverflowException => ConditionResult.Failed(ConditionFailure.StatementLimit, WorkflowMessages.ConditionStatements, e.Message),
        RecursionDepthOverflowException => ConditionResult.Failed(ConditionFailure.RecursionLimit, WorkflowMessages.ConditionRecursion, e.Message),
        TimeoutException or RegexMatchTimeoutException or ExecutionCanceledException =>
            ConditionResult.Failed(ConditionFailure.Timeout, WorkflowMessages.ConditionTimeout, e.Message),
        _ => ConditionResult.Failed(ConditionFailure.ScriptError, WorkflowMessages.ConditionError, e.Message),
    };

    private static ConditionCompilation Parse(string expression)
    {
        try
        {
            var script = Engine.PrepareScript(expression, strict: true, options: PreparationOptions);
            IReadOnlySet<string> globals = script.ReferencedGlobals is { } referenced
                ? referenced.ToHashSet(StringComparer.Ordinal)
                : new HashSet<string>();
            return new ConditionCompilation(script, null, globals);
        }
        catch (Exception e)
        {
            return new ConditionCompilation(null, e.Message, new HashSet<string>());
        }
    }
}
