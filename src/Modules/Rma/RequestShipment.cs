using AfterSales.Tenancy.EntityFrameworkCore;

namespace AfterSales.Modules.Rma;

/// <summary>A parcel of a request (to the factory, back to the customer): recorded from the transition form that named it.</summary>
public class RequestShipment : ITenantOwned
{
    public Guid Id { get; set; } = Guid.NewGuid();
    public string TenantId { get; set; } = "";
    public Guid ServiceRequestId { get; set; }
    public string CarrierCode { get; set; } = "";
    public string TrackingNumber { get; set; } = "";
    public DateOnly? ShippedOn { get; set; }

    /// <summary>The status the request entered with this shipment, e.g. ShippedBack.</summary>
    public string Status { get; set; } = "";
    public DateTimeOffset At { get; set; }
    public string? By { get; set; }
}
