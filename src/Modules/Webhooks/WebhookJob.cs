using Quartz;

namespace AfterSales.Modules.Webhooks;

/// <summary>The Quartz job that runs <see cref="WebhookPoll"/>; one run at a time per replica.</summary>
[DisallowConcurrentExecution]
public sealed class WebhookJob(WebhookPoll poll) : IJob
{
    public static readonly JobKey Key = new("webhook-deliveries");

    public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default) => await poll.RunAsync(cancellationToken);
}
