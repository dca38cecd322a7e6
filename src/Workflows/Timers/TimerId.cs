using System.Globalization;

namespace AfterSales.Workflows.Timers;

/// <summary>
/// The deterministic identity of one armed timer: instance, timer key and generation. The host uses
/// <see cref="ToString"/> as its job key, so scheduling the same command twice schedules one job, and a job left
/// over from an older generation is recognised as stale when it fires.
/// </summary>
/// <param name="InstanceId">Workflow instance id.</param>
/// <param name="TimerKey">Timer key from the definition.</param>
/// <param name="Generation">Increases every time the timer is armed again on this instance.</param>
public readonly record struct TimerId(string InstanceId, string TimerKey, int Generation)
{
    private const char Separator = '/';

    /// <summary><c>{instance}/{timer}/{generation}</c>; instance ids may contain the separator, timer keys may not.</summary>
    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"{InstanceId}{Separator}{TimerKey}{Separator}{Generation}");

    /// <summary>Reads <see cref="ToString"/>'s form back; false when <paramref name="text"/> is not one.</summary>
    public static bool TryParse(string? text, out TimerId id)
    {
        id = default;
        var last = text?.LastIndexOf(Separator) ?? -1;
        var middle = last > 0 ? text!.LastIndexOf(Separator, last - 1) : -1;
        if (middle <= 0 || last == middle + 1 ||
            !int.TryParse(text.AsSpan(last + 1), NumberStyles.None, CultureInfo.InvariantCulture, out var generation))
        {
            return false;
        }

        id = new TimerId(text![..middle], text[(middle + 1)..last], generation);
        return true;
    }
}
