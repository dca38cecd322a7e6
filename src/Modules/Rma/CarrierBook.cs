using System.Text.RegularExpressions;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Rma;

/// <summary>
/// The tenant's carriers. Every tenant starts with the eight of the seeds, each linked to Kuaidi100's tracking page (one
/// address scheme for all carriers; the admin may point a carrier at its own site instead).
/// </summary>
public sealed partial class CarrierBook(IDbFactory<IRmaDb> dbFactory) : IStepFieldOptions
{
    public const int CodeLength = 16;
    public const int UrlLength = 300;
    public const string CarrierField = "carrier";

    private static readonly (string Code, string Zh, string En, string Kuaidi100)[] Defaults =
    [
        ("SF", "顺丰速运", "SF Express", "shunfeng"),
        ("JD", "京东物流", "JD Logistics", "jd"),
        ("EMS", "中国邮政 EMS", "China Post EMS", "ems"),
        ("ZTO", "中通快递", "ZTO Express", "zhongtong"),
        ("YTO", "圆通速递", "YTO Express", "yuantong"),
        ("STO", "申通快递", "STO Express", "shentong"),
        ("YUNDA", "韵达快递", "Yunda Express", "yunda"),
        ("DEPPON", "德邦快递", "Deppon Express", "debangkuaidi"),
    ];

    /// <summary>The tenant's carriers in their order; the defaults are created the first time a tenant without any asks.</summary>
    public async Task<IReadOnlyList<Carrier>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.Carriers.AnyAsync(cancellationToken))
        {
            db.Carriers.AddRange(Defaults.Select((d, i) => new Carrier
            {
                Code = d.Code, NameZh = d.Zh, NameEn = d.En, SortOrder = (i + 1) * 10,
                TrackingUrl = $"https://www.kuaidi100.com/chaxun?com={d.Kuaidi100}&nu={{number}}",
            }));
            try
            {
                await db.SaveChangesAsync(cancellationToken);
            }
            catch (DbUpdateException)
            {
                // Two first visits at once: the other one created them.
            }
        }

        return await db.Carriers.AsNoTracking().Where(c => includeRetired || !c.IsRetired).OrderBy(c => c.SortOrder).ThenBy(c => c.Code).ToListAsync(cancellationToken);
    }

    /// <summary>Creates a carrier (<paramref name="id"/> null) or changes one loaded with <paramref name="loadedStamp"/>; the code is set once.</summary>
    public async Task<CarrierSaveResult> SaveAsync(Guid? id, CarrierInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        // The defaults first: a tenant's first own carrier must not stand in for the eight it starts with.
        await ListAsync(includeRetired: true, cancellationToken);
        var errors = new Dictionary<string, string>(StringComparer.Ordinal);
        var code = (input.Code ?? "").Trim().ToUpperInvariant();
        if (id is null && !CodePattern().IsMatch(code))
        {
            errors[nameof(input.Code)] = "Carriers.Validation.Code";
        }

        if (string.IsNullOrWhiteSpace(input.NameZh) || input.NameZh.Trim().Length > 64)
        {
            errors[nameof(input.NameZh)] = "Carriers.Validation.Name";
        }

        if (string.IsNullOrWhiteSpace(input.NameEn) || input.NameEn.Trim().Length > 64)
        {
            errors[nameof(input.NameEn)] = "Carriers.Validation.Name";
        }

        var url = (input.TrackingUrl ?? "").Trim();
        if (url.Length > UrlLength || !url.Contains("{number}", StringComparison.Ordinal)
            || !Uri.TryCreate(url.Replace("{number}", "0", StringComparison.Ordinal), UriKind.Absolute, out var uri) || uri.Scheme != Uri.UriSchemeHttps)
        {
            errors[nameof(input.TrackingUrl)] = "Carriers.Validation.Url";
        }

        using var db = dbFactory.Create();
        var carrier = id is null ? null : await db.Carriers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (id is not null && carrier is null)
        {
            return new CarrierSaveResult(CarrierSaveStatus.NotFound);
        }

        if (id is null && !errors.ContainsKey(nameof(input.Code)) && await db.Carriers.AnyAsync(c => c.Code == code, cancellationToken))
        {
            errors[nameof(input.Code)] = "Carriers.Validation.CodeTaken";
        }

        if (errors.Count > 0)
        {
            return new CarrierSaveResult(CarrierSaveStatus.Invalid, errors);
        }

        if (carrier is not null && carrier.ConcurrencyStamp != loadedStamp)
        {
            return new CarrierSaveResult(CarrierSaveStatus.Conflict);
        }

        if (carrier is null)
        {
            var last = await db.Carriers.MaxAsync(c => (int?)c.SortOrder, cancellationToken) ?? 0;
            db.Carriers.Add(carrier = new Carrier { Code = code, SortOrder = last + 10 });
        }

        carrier.NameZh = input.NameZh!.Trim();
        carrier.NameEn = input.NameEn!.Trim();
        carrier.TrackingUrl = url;
        carrier.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            return new CarrierSaveResult(CarrierSaveStatus.Conflict);
        }

        return new CarrierSaveResult(CarrierSaveStatus.Saved);
    }

    /// <summary>Retires a carrier (offered no more; its shipments keep their links) or brings it back.</summary>
    public async Task<bool> SetRetiredAsync(Guid id, bool retired, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var carrier = await db.Carriers.FirstOrDefaultAsync(c => c.Id == id, cancellationToken);
        if (carrier is null)
        {
            return false;
        }

        carrier.IsRetired = retired;
        carrier.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    /// <summary>The request's shipments, newest first, with their carriers (retired ones included).</summary>
    public async Task<IReadOnlyList<(RequestShipment Shipment, Carrier? Carrier)>> ShipmentsAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        var carriers = (await ListAsync(includeRetired: true, cancellationToken)).ToDictionary(c => c.Code, StringComparer.Ordinal);
        using var db = dbFactory.Create();
        var shipments = await db.RequestShipments.AsNoTracking().Where(s => s.ServiceRequestId == requestId).OrderByDescending(s => s.At).ToListAsync(cancellationToken);
        return shipments.Select(s => (s, carriers.GetValueOrDefault(s.CarrierCode))).ToList();
    }

    /// <summary>The transition form's "carrier" offers the tenant's carriers.</summary>
    public async Task<IReadOnlyList<FieldOption>?> OptionsAsync(string fieldKey, CancellationToken cancellationToken) =>
        fieldKey != CarrierField ? null
            : (await ListAsync(cancellationToken: cancellationToken)).Select(c => new FieldOption { Value = c.Code, LabelZh = c.NameZh, LabelEn = c.NameEn }).ToList();

    [GeneratedRegex("^[A-Z0-9_-]{2,16}$")]
    private static partial Regex CodePattern();
}

public sealed class CarrierInput
{
    public string? Code { get; set; }
    public string? NameZh { get; set; }
    public string? NameEn { get; set; }
    public string? TrackingUrl { get; set; }
}

public enum CarrierSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record CarrierSaveResult(CarrierSaveStatus Status, IReadOnlyDictionary<string, string>? Errors = null);
