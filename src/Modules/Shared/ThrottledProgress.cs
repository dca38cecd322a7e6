namespace AfterSales.Modules.Shared;

/// <summary>
/// Hands the progress of background work to a page: keeps every report, but asks for a render at most every
/// <see cref="RenderEveryMs"/>. The work reports per chunk from the thread pool; a render per report would flood the circuit.
/// </summary>
internal sealed class ThrottledProgress(Action<ImportProgress> keep, Func<Task> render) : IProgress<ImportProgress>
{
    private const long RenderEveryMs = 200;
    private long _lastRender;

    public void Report(ImportProgress value)
    {
        keep(value);
        var now = Environment.TickCount64;
        var last = Interlocked.Read(ref _lastRender);
        if (now - last >= RenderEveryMs && Interlocked.CompareExchange(ref _lastRender, now, last) == last)
        {
            _ = render();
        }
    }
}
