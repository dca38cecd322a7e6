using System.Globalization;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Service;

namespace AfterSales.Modules.Rma;

/// <summary>A transition whose form names a carrier and a tracking number records a shipment of the request.</summary>
public sealed class ShipmentRecorder : ITransitionFormObserver
{
    public Task ObserveAsync(TransitionFormContext context, CancellationToken cancellationToken)
    {
        if (Text(context.Values, CarrierBook.CarrierField) is { } carrier && Text(context.Values, "trackingNumber") is { } number)
        {
            context.Database<IRmaDb>().RequestShipments.Add(new RequestShipment
            {
                ServiceRequestId = context.Request.Id,
                CarrierCode = carrier.Length > CarrierBook.CodeLength ? carrier[..CarrierBook.CodeLength] : carrier,
                TrackingNumber = number.Length > 64 ? number[..64] : number,
                ShippedOn = DateOnly.TryParseExact(Text(context.Values, "shippedOn"), FieldValues.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var date)
                    ? date : null,
                Status = context.Request.Status,
                At = context.Now,
                By = context.Actor.Name,
            });
        }

        return Task.CompletedTask;
    }

    private static string? Text(IReadOnlyDictionary<string, object?> values, string key) =>
        values.GetValueOrDefault(key) is { } value && Convert.ToString(value, CultureInfo.InvariantCulture) is { Length: > 0 } text ? text.Trim() : null;
}
