using AfterSales.Workflows.Definitions;

namespace AfterSales.Workflows.Versioning;

/// <summary>
/// Moving open instances from one version to another: which old status each lands in. Instances not migrated stay
/// pinned to their version and keep running on it.
/// </summary>
public sealed record MigrationPlan
{
    /// <summary>The version instances run on now.</summary>
    public required WorkflowDefinition From { get; init; }

    /// <summary>The version they move to.</summary>
    public required WorkflowDefinition To { get; init; }

    /// <summary>Old status key → new status key.</summary>
    public required IReadOnlyDictionary<string, string> StatusMap { get; init; }

    /// <summary>A plan mapping every status whose key exists in both versions to itself; the administrator completes the rest.</summary>
    public static MigrationPlan Suggest(WorkflowDefinition from, WorkflowDefinition to) => new()
    {
        From = from,
        To = to,
        StatusMap = from.Statuses.Where(s => to.FindStatus(s.Key) is not null).ToDictionary(s => s.Key, s => s.Key, StringComparer.Ordinal),
    };

    /// <summary>
    /// What stops the plan from running for instances currently in <paramref name="statusesInUse"/> (the distinct
    /// statuses of the open instances to move); empty when it can run.
    /// </summary>
    public IReadOnlyList<MigrationIssue> Check(IEnumerable<string> statusesInUse)
    {
        var issues = new List<MigrationIssue>();
        if (To.State != DefinitionState.Published)
        {
            issues.Add(new("notPublished", new("workflow.migration.notPublished",
                $"Version {To.Version} is not published; instances can only move to a published version.", $"第 {To.Version} 版尚未发布，只能迁移到已发布的版本。"), null));
        }

        if (From.Key != To.Key)
        {
            issues.Add(new("otherWorkflow", new("workflow.migration.otherWorkflow",
                $"Workflow {From.Key} cannot migrate to workflow {To.Key}.", $"流程 {From.Key} 不能迁移到流程 {To.Key}。"), null));
        }

        foreach (var (old, target) in StatusMap)
        {
            if (From.FindStatus(old) is null)
            {
                issues.Add(new("unknownSourceStatus", new("workflow.migration.unknownSourceStatus",
                    $"Version {From.Version} has no status '{old}'.", $"第 {From.Version} 版没有状态“{old}”。"), old));
            }

            if (To.FindStatus(target) is null)
            {
                issues.Add(new("unknownTargetStatus", new("workflow.migration.unknownTargetStatus",
                    $"Status '{old}' maps to '{target}', which version {To.Version} does not have.", $"状态“{old}”映射到的“{target}”在第 {To.Version} 版中不存在。"), old));
            }
        }

        foreach (var status in statusesInUse.Distinct().Where(s => !StatusMap.ContainsKey(s)).Order(StringComparer.Ordinal))
        {
            issues.Add(new("unmappedStatus", new("workflow.migration.unmappedStatus",
                $"Open requests are in status '{status}', which the mapping does not cover.", $"有未关闭的服务请求处于状态“{status}”，但映射中没有该状态。"), status));
        }

        return issues;
    }
}
