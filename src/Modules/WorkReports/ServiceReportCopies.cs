using System.Globalization;
using AfterSales.Modules.Service;

namespace AfterSales.Modules.WorkReports;

/// <summary>A visit's service report with everything its document shows, as the staff print it and the customer downloads it.</summary>
public sealed record ServiceReportCopy(
    WorkReport Report, RequestDetail Request, IReadOnlyDictionary<Guid, string> Names, Charges Charges, string? Signature, string Qr);

public sealed class ServiceReportCopies(WorkReportBook book, RequestDesk desk, DictionaryBook dictionaries)
{
    /// <summary>
    /// The report <paramref name="id"/> ready to show, or null when unknown, of another tenant or still a draft (a draft has no visit
    /// number and may change). <paramref name="checkUrl"/> gives the absolute address of its public check page for the QR code.
    /// </summary>
    public async Task<ServiceReportCopy?> LoadAsync(Guid id, Func<WorkReport, string> checkUrl, CancellationToken cancellationToken = default)
    {
        var report = await book.GetAsync(id);
        if (report is null || report.State == WorkReportState.Draft || await desk.GetAsync(report.RequestNumber, cancellationToken) is not { } request)
        {
            return null;
        }

        var culture = CultureInfo.CurrentUICulture;
        var names = (await dictionaries.ListAsync(DictionaryKind.FaultCategory)).Concat(await dictionaries.ListAsync(DictionaryKind.Cause))
            .ToDictionary(e => e.Id, e => e.NameIn(culture));
        return new ServiceReportCopy(report, request, names, WorkReportRules.Total(report), await book.SignatureDataUrlAsync(report), ReportQr.Svg(checkUrl(report)));
    }
}
