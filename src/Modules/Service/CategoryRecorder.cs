namespace AfterSales.Modules.Service;

/// <summary>
/// A transition whose form picks the fault or complaint category (the repair record, a complaint's "categorise and assign") files
/// the request under it, so reports group by what the handler found rather than only by what was guessed when it came in.
/// </summary>
public sealed class CategoryRecorder : ITransitionFormObserver
{
    public static readonly IReadOnlyList<string> Fields = ["complaintCategory", "faultCategory"];

    public Task ObserveAsync(TransitionFormContext context, CancellationToken cancellationToken)
    {
        foreach (var field in Fields)
        {
            if (context.Values.GetValueOrDefault(field) is { } value && Guid.TryParse(Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture), out var id))
            {
                context.Request.CategoryId = id;
            }
        }

        return Task.CompletedTask;
    }
}
