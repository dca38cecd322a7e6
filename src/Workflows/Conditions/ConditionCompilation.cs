using Acornima.Ast;
using Jint;

namespace AfterSales.Workflows.Conditions;

/// <summary>A parsed condition, shared by every evaluation of the same text.</summary>
public sealed class ConditionCompilation
{
    internal ConditionCompilation(Prepared<Script>? script, string? error, IReadOnlySet<string> referencedGlobals)
    {
        Script = script;
        Error = error;
        ReferencedGlobals = referencedGlobals;
    }

    /// <summary>Whether the text parses.</summary>
    public bool Succeeded => Script is not null;

    /// <summary>The parser's message when it does not.</summary>
    public string? Error { get; }

    /// <summary>Global names the condition uses without declaring them (its inputs, and any typo).</summary>
    public IReadOnlySet<string> ReferencedGlobals { get; }

    internal Prepared<Script>? Script { get; }
}
