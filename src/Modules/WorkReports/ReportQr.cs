using QRCoder;

namespace AfterSales.Modules.WorkReports;

/// <summary>The QR code printed on a service report, as inline SVG so it prints sharp at any size and needs no image request.</summary>
public static class ReportQr
{
    public static string Svg(string url)
    {
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(url, QRCodeGenerator.ECCLevel.M);
        return new SvgQRCode(data).GetGraphic(4, "#000000", "#ffffff", drawQuietZones: true, sizingMode: SvgQRCode.SizingMode.ViewBoxAttribute);
    }
}
