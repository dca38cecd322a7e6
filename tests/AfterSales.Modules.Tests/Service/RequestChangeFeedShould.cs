using AfterSales.Modules.Service;
using Microsoft.Extensions.Logging.Abstractions;

namespace AfterSales.Modules.Tests.Service;

public sealed class RequestChangeFeedShould
{
    [Fact]
    public async Task DeliverAChangeToTheListenersOfThatRequestOnlyUntilTheyStop()
    {
        var feed = new InProcessRequestChangeFeed(NullLogger<InProcessRequestChangeFeed>.Instance);
        var request = Guid.NewGuid();
        var heard = new TaskCompletionSource<RequestChange>(TaskCreationOptions.RunContinuationsAsynchronously);
        var wrong = 0;
        using var listening = feed.Subscribe("demo", request, c => { heard.TrySetResult(c); return Task.CompletedTask; });
        using var otherTenant = feed.Subscribe("acme", request, _ => { Interlocked.Increment(ref wrong); return Task.CompletedTask; });
        using var otherRequest = feed.Subscribe("demo", Guid.NewGuid(), _ => { Interlocked.Increment(ref wrong); return Task.CompletedTask; });
        var change = new RequestChange("demo", request, [42], [RequestEventKind.Comment]);

        feed.Publish(change);

        Assert.Same(change, await heard.Task.WaitAsync(TimeSpan.FromMinutes(1)));
        Assert.Equal(0, wrong);
        Assert.Equal(1, feed.ListenerCount("demo", request));
        listening.Dispose();
        listening.Dispose();
        Assert.Equal(0, feed.ListenerCount("demo", request));
        Assert.Equal(1, feed.ListenerCount("acme", request));
    }

    [Fact]
    public async Task KeepDeliveringToOthersWhenAListenerFails()
    {
        var feed = new InProcessRequestChangeFeed(NullLogger<InProcessRequestChangeFeed>.Instance);
        var request = Guid.NewGuid();
        var heard = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        using var broken = feed.Subscribe("demo", request, _ => throw new InvalidOperationException("The page is gone."));
        using var working = feed.Subscribe("demo", request, _ => { heard.TrySetResult(); return Task.CompletedTask; });

        feed.Publish(new RequestChange("demo", request, [1], [RequestEventKind.StatusChanged]));

        await heard.Task.WaitAsync(TimeSpan.FromMinutes(1));
        Assert.Equal(2, feed.ListenerCount("demo", request));
    }
}
