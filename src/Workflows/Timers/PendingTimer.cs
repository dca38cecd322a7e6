namespace AfterSales.Workflows.Timers;

/// <summary>
/// A timer armed on an instance: the instance's own record of what it waits for, so a fired job can be checked
/// against it (the bookmark), whatever the scheduler remembers.
/// </summary>
/// <param name="Key">Timer key.</param>
/// <param name="Generation">Generation armed; only a job of this generation may fire it.</param>
/// <param name="DueAt">When it fires; null for an SLA timer whose clock is paused (scheduled again on resume).</param>
public sealed record PendingTimer(string Key, int Generation, DateTimeOffset? DueAt = null);
