namespace AfterSales.Modules.Dispatch;

public enum AssignmentStrategy
{
    /// <summary>The engineer of the pool with the fewest open requests.</summary>
    LeastLoad = 0,

    /// <summary>The next engineer of the pool after the one the rule chose last.</summary>
    RoundRobin = 1,
}
