namespace AfterSales.Modules.Products;

/// <summary>A unit to register, as an ERP sends it or the register dialog fills it: model and customer by code.</summary>
public sealed class SerialInput
{
    public string Number { get; set; } = "";
    public string ModelCode { get; set; } = "";
    public string? CustomerCode { get; set; }
    public DateOnly? ProductionDate { get; set; }
    public string? Batch { get; set; }
    public string? Supplier { get; set; }
    public DateOnly? PurchaseDate { get; set; }
    public string? Salesperson { get; set; }

    /// <summary>Overrides the warranty start (default: the purchase date).</summary>
    public DateOnly? WarrantyStart { get; set; }

    /// <summary>Overrides the warranty end (default: start plus the model's warranty months).</summary>
    public DateOnly? WarrantyEnd { get; set; }

    /// <summary>Values of the tenant's custom serial-number fields by key; null leaves them as they are.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(AfterSales.Modules.Forms.FieldValuesJsonConverter))]
    public Dictionary<string, string?>? CustomFields { get; set; }
}
