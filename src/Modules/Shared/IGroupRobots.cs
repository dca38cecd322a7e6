namespace AfterSales.Modules.Shared;

/// <summary>
/// The current tenant's group robots (WeCom, DingTalk and Feishu endpoints of the Webhooks feature), for features other than the
/// request workflow that post to a group: the Webhooks feature owns the endpoints, their secrets and each platform's signing.
/// </summary>
public interface IGroupRobots
{
    /// <summary>The tenant's active robot endpoints, by name.</summary>
    Task<IReadOnlyList<GroupRobot>> ListAsync(CancellationToken cancellationToken = default);

    /// <summary>
    /// Posts a message to one of the tenant's robots, signed as its platform requires; throws with the reason when the endpoint is
    /// gone, switched off, not a robot, or the platform refused the message (so the caller's delivery is retried and logged).
    /// </summary>
    Task PostAsync(Guid endpointId, string title, string text, CancellationToken cancellationToken = default);
}

/// <summary>A robot endpoint as other features name it; <paramref name="Platform"/> is WeCom, DingTalk or Feishu.</summary>
public sealed record GroupRobot(Guid Id, string Name, string Platform);
