using AfterSales.Modules.Forms;

namespace AfterSales.Modules.Service;

/// <summary>
/// Records what a feature keeps from a transition form (a carrier and tracking number become a shipment) in the transition's
/// unit of work, after the request has its new status; must not save.
/// </summary>
public interface ITransitionFormObserver
{
    Task ObserveAsync(TransitionFormContext context, CancellationToken cancellationToken);
}

/// <summary>A transition's form values with the request they were given for.</summary>
public sealed record TransitionFormContext(IServiceDb Db, ServiceRequest Request, IReadOnlyDictionary<string, object?> Values, RequestActor Actor, DateTimeOffset Now)
{
    /// <summary>The unit of work as another feature's database interface.</summary>
    public TDb Database<TDb>() where TDb : class =>
        Db as TDb ?? throw new InvalidOperationException($"The unit of work does not implement {typeof(TDb).Name}.");
}

/// <summary>The choices of a step field another feature owns (the carrier of a shipment), or null for a field it does not know.</summary>
public interface IStepFieldOptions
{
    Task<IReadOnlyList<FieldOption>?> OptionsAsync(string fieldKey, CancellationToken cancellationToken);
}
