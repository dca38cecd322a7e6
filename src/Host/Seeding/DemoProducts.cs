using AfterSales.Modules.Products;

namespace AfterSales.Host.Seeding;

/// <summary>Sample models and units, dated from today so that some are in warranty, some ending soon and some expired.</summary>
internal static class DemoProducts
{
    /// <summary>Models with their category and consumables (name, lifetime in days).</summary>
    public static IEnumerable<(string Category, string Code, string Name, int Months, (string Name, int Days)[] Consumables)> Models(bool chinese) => chinese
        ?
        [
            ("空调", "KT-35", "变频空调 KT-35", 36, [("空气滤网", 180)]),
            ("热水器", "RS-200", "商用热水器 RS-200", 24, [("镁棒", 365)]),
            ("净水", "JS-90", "净水机 JS-90", 12, [("PP 棉滤芯", 90), ("RO 反渗透膜", 730)]),
        ]
        :
        [
            ("Pumps", "PX-100", "Pump PX-100", 24, [("Mechanical seal", 540)]),
            ("Compressors", "CX-7", "Compressor CX-7", 12, [("Oil filter", 120), ("Air filter", 180)]),
        ];

    public static IEnumerable<PartInput> Parts(bool chinese) => chinese
        ?
        [
            new() { Code = "P-KT-COMP", Name = "压缩机", Specification = "KT-35 适用", Unit = "台", Price = 1280m },
            new() { Code = "P-KT-FLT", Name = "空气滤网", Specification = "KT-35 适用", Unit = "片", Price = 35m },
            new() { Code = "P-JS-PP", Name = "PP 棉滤芯", Specification = "10 英寸", Unit = "支", Price = 28m },
            new() { Code = "P-JS-RO", Name = "RO 反渗透膜", Specification = "400G", Unit = "支", Price = 260m },
            new() { Code = "P-RS-MG", Name = "镁棒", Specification = "RS-200 适用", Unit = "根", Price = 45.5m },
        ]
        :
        [
            new() { Code = "P-PX-SEAL", Name = "Mechanical seal", Specification = "PX-100", Unit = "pc", Price = 86m },
            new() { Code = "P-CX-OIL", Name = "Oil filter", Specification = "CX-7", Unit = "pc", Price = 19.9m },
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
