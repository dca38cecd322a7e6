namespace AfterSales.Workflows.Defaults;

/// <summary>
/// The tenant role names the default workflows grant transitions to. They mirror <c>AfterSales.Modules.Shared.Roles</c>;
/// the engine does not reference the modules, so an architecture test in the host should keep the two lists equal.
/// </summary>
public static class WorkflowRoles
{
    /// <summary>Tenant administrator.</summary>
    public const string TenantAdmin = "TenantAdmin";

    /// <summary>Service manager (服务经理).</summary>
    public const string Manager = "Manager";

    /// <summary>Dispatcher (派工).</summary>
    public const string Dispatcher = "Dispatcher";

    /// <summary>Service agent (客服).</summary>
    public const string Agent = "Agent";

    /// <summary>Engineer (工程师).</summary>
    public const string Engineer = "Engineer";

    /// <summary>Every tenant role.</summary>
    public static IReadOnlySet<string> All { get; } = new HashSet<string>(StringComparer.Ordinal) { TenantAdmin, Manager, Dispatcher, Agent, Engineer };

    internal static IReadOnlyList<string> ServiceDesk { get; } = [TenantAdmin, Manager, Dispatcher, Agent];

    internal static IReadOnlyList<string> Managers { get; } = [TenantAdmin, Manager];

    internal static IReadOnlyList<string> AssigneeOrDesk { get; } = [Definitions.TransitionDefinition.AssigneeRole, .. ServiceDesk];
}
