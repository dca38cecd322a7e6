using AfterSales.Modules.Products;

namespace AfterSales.Host.Seeding;

/// <summary>Sample models and units, dated from today so that some are in warranty, some ending soon and some expired.</summary>
internal static class DemoProducts
{
    public static IEnumerable<ModelInput> Models(bool chinese) => chinese
        ?
        [
            new("KT-35", "变频空调 KT-35", "空调", 36),
            new("RS-200", "商用热水器 RS-200", "热水器", 24),
            new("JS-90", "净水机 JS-90", "净水", 12),
        ]
        :
        [
            new("PX-100", "Pump PX-100", "Pumps", 24),
            new("CX-7", "Compressor CX-7", "Compressors", 12),
        ];

    /// <summary>Units by model code, customer code and purchase date (days before today).</summary>
    public static IEnumerable<SerialInput> Units(bool chinese, DateOnly today)
    {
        (string Number, string Model, string? Customer, int DaysAgo)[] units = chinese
            ?
            [
                ("KT35-2024-0001", "KT-35", "C1001", 400), ("KT35-2024-0002", "KT-35", "C1001", 1080), ("KT35-2023-0107", "KT-35", "C1002", 1200),
                ("RS200-0001", "RS-200", "C1003", 720), ("RS200-0002", "RS-200", "C1005", 100), ("RS200-0003", "RS-200", "C1006", 30),
                ("JS90-0001", "JS-90", "P2001", 350), ("JS90-0002", "JS-90", "P2002", 500), ("JS90-0003", "JS-90", null, 0),
            ]
            :
            [
                ("PX100-A001", "PX-100", "AC-501", 710), ("PX100-A002", "PX-100", "AC-502", 200), ("CX7-B001", "CX-7", "AC-503", 400),
            ];
        foreach (var (number, model, customer, daysAgo) in units)
        {
            yield return new SerialInput
            {
                Number = number,
                ModelCode = model,
                CustomerCode = customer,
                ProductionDate = today.AddDays(-daysAgo - 45),
                Batch = $"B{today.AddDays(-daysAgo - 45):yyyyMM}",
                PurchaseDate = customer is null ? null : today.AddDays(-daysAgo),
            };
        }
    }
}
