namespace AfterSales.Modules.Customers;

/// <summary>What customers need to know about the units they own; the products feature, which keeps the registry, provides it.</summary>
public interface ICustomerUnits
{
    /// <summary>Those of <paramref name="serialNumbers"/> that are not registered to the customer.</summary>
    Task<IReadOnlyList<string>> NotOwnedByAsync(Guid customerId, IReadOnlyList<string> serialNumbers, CancellationToken cancellationToken = default);
}
