using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>The tenant's lists: complaint and fault categories (nested), causes and measures.</summary>
public sealed class DictionaryBook(IDbFactory<IServiceDb> dbFactory)
{
    /// <summary>Entries a tenant starts with, so the lists are not empty on the first day: kind, Chinese, English, code, children.</summary>
    private static readonly (DictionaryKind Kind, string Zh, string En, string? Code, (string Zh, string En)[] Children)[] Defaults =
    [
        (DictionaryKind.ComplaintCategory, "人员", "Personnel", null, [("服务态度", "Attitude"), ("迟到", "Late arrival")]),
        (DictionaryKind.ComplaintCategory, "价格", "Price", null, []),
        (DictionaryKind.ComplaintCategory, "质量", "Quality", null, []),
        (DictionaryKind.FaultCategory, "电气", "Electrical", null, [("电源", "Power supply"), ("控制板", "Control board")]),
        (DictionaryKind.FaultCategory, "机械", "Mechanical", null, [("漏水", "Leak"), ("异响", "Noise")]),
        (DictionaryKind.FaultCategory, "软件", "Software", null, []),
        (DictionaryKind.Cause, "使用不当", "Misuse", null, []),
        (DictionaryKind.Cause, "部件老化", "Worn part", null, []),
        (DictionaryKind.Cause, "安装问题", "Installation", null, []),
        (DictionaryKind.Measure, "更换部件", "Part replaced", null, []),
        (DictionaryKind.Measure, "调试", "Adjusted", null, []),
        (DictionaryKind.Measure, "指导使用", "Usage explained", null, []),
        (DictionaryKind.Channel, "电话", "Phone", RequestChannels.Phone, []),
        (DictionaryKind.Channel, "邮件", "E-mail", RequestChannels.Email, []),
        (DictionaryKind.Channel, "客户门户", "Portal", RequestChannels.Portal, []),
        (DictionaryKind.Channel, "API 接口", "API", RequestChannels.Api, []),
        (DictionaryKind.Channel, "到店", "Walk-in", RequestChannels.WalkIn, []),
        (DictionaryKind.Priority, "低", "Low", nameof(RequestPriority.Low), []),
        (DictionaryKind.Priority, "普通", "Normal", nameof(RequestPriority.Normal), []),
        (DictionaryKind.Priority, "高", "High", nameof(RequestPriority.High), []),
        (DictionaryKind.Priority, "紧急", "Urgent", nameof(RequestPriority.Urgent), []),
    ];

    /// <summary>Every entry of a kind (retired ones too, for the admin page and old requests), parents before children.</summary>
    public async Task<IReadOnlyList<DictionaryEntry>> ListAsync(DictionaryKind kind, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        // Per kind, so a tenant that started before a list existed gets its defaults on first use too.
        if (!await db.DictionaryEntries.AnyAsync(e => e.Kind == kind, cancellationToken))
        {
            await AddDefaultsAsync(db, kind, cancellationToken);
        }

        return await db.DictionaryEntries.AsNoTracking().Where(e => e.Kind == kind).OrderBy(e => e.SortOrder).ThenBy(e => e.NameZh).ToListAsync(cancellationToken);
    }

    /// <summary>The entries of a coded list (channels, priorities) by code, retired ones included, for showing what requests store.</summary>
    public async Task<IReadOnlyDictionary<string, DictionaryEntry>> CodesAsync(DictionaryKind kind, CancellationToken cancellationToken = default) =>
        (await ListAsync(kind, cancellationToken)).Where(e => e.Code is not null)
            .ToDictionary(e => e.Code!, StringComparer.OrdinalIgnoreCase);

    /// <summary>The tenant's names of channels and priorities, for pages and exports that show requests.</summary>
    public async Task<ChoiceNames> ChoiceNamesAsync(CancellationToken cancellationToken = default) =>
        new(await CodesAsync(DictionaryKind.Channel, cancellationToken), await CodesAsync(DictionaryKind.Priority, cancellationToken));

    /// <summary>One entry of the tenant's lists, or null (another tenant's entry is not found).</summary>
    public async Task<DictionaryEntry?> FindAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.DictionaryEntries.AsNoTracking().FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
    }

    /// <summary>
    /// Adds an entry (<paramref name="id"/> null) under <paramref name="parentId"/>, or renames and reorders one. A new channel
    /// needs its <paramref name="code"/>; an entry's code never changes, as requests and integrations hold it.
    /// </summary>
    /// <returns>Text keys per field; empty when saved; null when the entry or parent is not the tenant's.</returns>
    public async Task<IReadOnlyDictionary<string, string>?> SaveAsync(
        Guid? id, DictionaryKind kind, Guid? parentId, string? nameZh, string? nameEn, int sortOrder, CancellationToken cancellationToken = default,
        string? code = null)
    {
        if (kind.IsFlat() && parentId is not null)
        {
            return null;
        }

        var errors = new Dictionary<string, string>();
        var newCode = code?.Trim() ?? "";
        if (id is null && kind == DictionaryKind.Priority)
        {
            errors["Name"] = "Validation.PriorityFixed";
        }
        else if (id is null && kind.HasCodes() && !RequestChannels.IsValidCode(newCode))
        {
            errors["Code"] = "Validation.EntryCode";
        }

        var zh = nameZh?.Trim() ?? "";
        var en = nameEn?.Trim() ?? "";
        if (zh.Length == 0 && en.Length == 0)
        {
            errors["Name"] = "Validation.EntryNameRequired";
        }
        else if (zh.Length > 64 || en.Length > 64)
        {
            errors["Name"] = "Validation.EntryNameLength";
        }

        using var db = dbFactory.Create();
        if (parentId is { } parent && !await db.DictionaryEntries.AnyAsync(e => e.Id == parent && e.Kind == kind && e.Id != id, cancellationToken))
        {
            return null;
        }

        if (errors.Count == 0 && await db.DictionaryEntries.AnyAsync(
                e => e.Kind == kind && e.ParentId == parentId && e.Id != id && ((zh != "" && e.NameZh == zh) || (en != "" && e.NameEn == en)), cancellationToken))
        {
            errors["Name"] = "Validation.EntryNameTaken";
        }

        if (errors.Count == 0 && id is null && kind.HasCodes()
            && (await db.DictionaryEntries.Where(e => e.Kind == kind && e.Code != null).Select(e => e.Code!).ToListAsync(cancellationToken))
                .Contains(newCode, StringComparer.OrdinalIgnoreCase))
        {
            errors["Code"] = "Validation.EntryCodeTaken";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        DictionaryEntry? entry;
        if (id is null)
        {
            entry = new DictionaryEntry { Kind = kind, ParentId = parentId, Code = kind.HasCodes() ? newCode : null };
            db.DictionaryEntries.Add(entry);
        }
        else if ((entry = await db.DictionaryEntries.FirstOrDefaultAsync(e => e.Id == id && e.Kind == kind, cancellationToken)) is null)
        {
            return null;
        }

        entry.NameZh = zh;
        entry.NameEn = en;
        entry.SortOrder = sortOrder;
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }

    /// <summary>Retires an entry and everything under it, or brings it back; requests keep what they were filed under.</summary>
    public async Task<bool> SetRetiredAsync(Guid id, bool retired, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var entry = await db.DictionaryEntries.FirstOrDefaultAsync(e => e.Id == id, cancellationToken);
        if (entry is null)
        {
            return false;
        }

        var all = await db.DictionaryEntries.Where(e => e.Kind == entry.Kind).ToListAsync(cancellationToken);
        var branch = new Queue<DictionaryEntry>([entry]);
        while (branch.TryDequeue(out var next))
        {
            next.IsRetired = retired;
            foreach (var child in all.Where(e => e.ParentId == next.Id))
            {
                branch.Enqueue(child);
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    private static async Task AddDefaultsAsync(IServiceDb db, DictionaryKind ofKind, CancellationToken cancellationToken)
    {
        var order = 0;
        foreach (var (kind, zh, en, code, children) in Defaults.Where(d => d.Kind == ofKind))
        {
            var parent = new DictionaryEntry { Kind = kind, NameZh = zh, NameEn = en, Code = code, SortOrder = order += 10 };
            db.DictionaryEntries.Add(parent);
            var childOrder = 0;
            foreach (var (childZh, childEn) in children)
            {
                db.DictionaryEntries.Add(new DictionaryEntry { Kind = kind, ParentId = parent.Id, NameZh = childZh, NameEn = childEn, SortOrder = childOrder += 10 });
            }
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first visits at once: the other one's defaults stand.
        }
    }
}
