using AfterSales.Modules.Shared;
using AfterSales.Modules.Workflow;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Service;

/// <summary>The tenant's service types; every tenant starts with the five of seed 002.</summary>
public sealed class ServiceTypeCatalog(IDbFactory<IServiceDb> dbFactory, WorkflowBook workflows, AfterSales.Modules.Sla.SlaCache slaCache, AfterSales.Tenancy.ITenantContext tenantContext)
{
    /// <summary>The types a tenant starts with: code, Chinese and English names, icon, colour, SLA hours.</summary>
    public static readonly IReadOnlyList<ServiceTypeInput> Defaults =
    [
        new() { Code = "CONSULT", WorkflowKey = "CONSULT", NameZh = "咨询", NameEn = "Consultation", Icon = "help", Color = "#00838f", SlaHours = 24, SortOrder = 10 },
        new() { Code = "REMOTE", WorkflowKey = "REMOTE", NameZh = "远程支持", NameEn = "Remote support", Icon = "headset_mic", Color = "#1565c0", SlaHours = 24, SortOrder = 20 },
        new() { Code = "ONSITE", WorkflowKey = "ONSITE", NameZh = "上门服务", NameEn = "On-site service", Icon = "home_repair_service", Color = "#2e7d32", SlaHours = 72, SortOrder = 30 },
        new() { Code = "RMA", WorkflowKey = "RMA", NameZh = "返厂维修", NameEn = "Return to factory", Icon = "local_shipping", Color = "#6a1b9a", SlaHours = 240, SortOrder = 40 },
        new() { Code = "COMPLAINT", WorkflowKey = "COMPLAINT", NameZh = "投诉建议", NameEn = "Complaint / suggestion", Icon = "feedback", Color = "#c62828", DefaultPriority = RequestPriority.High, SlaHours = 48, SortOrder = 50 },
    ];

    /// <summary>The tenant's types in their order; the defaults are created the first time a tenant without any asks.</summary>
    public async Task<IReadOnlyList<ServiceType>> ListAsync(bool includeRetired = false, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        if (!await db.ServiceTypes.AnyAsync(cancellationToken))
        {
            await AddDefaultsAsync(db, cancellationToken);
            ForgetSla();
        }

        return await db.ServiceTypes.AsNoTracking().Where(t => includeRetired || !t.IsRetired).OrderBy(t => t.SortOrder).ThenBy(t => t.Code)
            .ToListAsync(cancellationToken);
    }

    public async Task<ServiceType?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ServiceTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
    }

    public async Task<ServiceType?> FindByCodeAsync(string code, CancellationToken cancellationToken = default)
    {
        var normalized = code.Trim().ToUpperInvariant();
        return (await ListAsync(includeRetired: true, cancellationToken)).FirstOrDefault(t => t.Code == normalized);
    }

    /// <summary>Creates a type (<paramref name="id"/> null) or changes one the editor loaded with <paramref name="loadedStamp"/>.</summary>
    public async Task<TypeSaveResult> SaveAsync(Guid? id, ServiceTypeInput input, string? loadedStamp, CancellationToken cancellationToken = default)
    {
        input.Code = (input.Code ?? "").Trim().ToUpperInvariant();
        var errors = ServiceRules.Validate(input);
        using var db = dbFactory.Create();
        if (!errors.ContainsKey(nameof(input.Code)) && await db.ServiceTypes.AnyAsync(t => t.Code == input.Code && t.Id != id, cancellationToken))
        {
            errors[nameof(input.Code)] = "Validation.TypeCodeTaken";
        }

        if (input.WorkflowKey is { } workflowKey && await workflows.FindPublishedAsync(workflowKey, cancellationToken) is null)
        {
            errors[nameof(input.WorkflowKey)] = "Validation.WorkflowUnknown";
        }

        ServiceType? type;
        if (id is null)
        {
            type = new ServiceType();
        }
        else if ((type = await db.ServiceTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken)) is null)
        {
            return new TypeSaveResult(TypeSaveStatus.NotFound);
        }
        else if (type.ConcurrencyStamp != loadedStamp)
        {
            return new TypeSaveResult(TypeSaveStatus.Conflict);
        }

        if (errors.Count > 0)
        {
            return new TypeSaveResult(TypeSaveStatus.Invalid, Errors: errors);
        }

        Apply(input, type);
        if (id is null)
        {
            db.ServiceTypes.Add(type);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return new TypeSaveResult(TypeSaveStatus.Conflict);
        }

        ForgetSla();
        return new TypeSaveResult(TypeSaveStatus.Saved, type.Id);
    }

    /// <summary>Retires a type (no new requests) or brings it back; its requests and history stay either way.</summary>
    public async Task<bool> SetRetiredAsync(Guid id, bool retired, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var type = await db.ServiceTypes.FirstOrDefaultAsync(t => t.Id == id, cancellationToken);
        if (type is null)
        {
            return false;
        }

        type.IsRetired = retired;
        type.ConcurrencyStamp = Guid.NewGuid().ToString("N");
        await db.SaveChangesAsync(cancellationToken);
        return true;
    }

    // A type's SLA hours are its resolution target: requests measured from now on must see the change on this replica at once.
    private void ForgetSla()
    {
        if (tenantContext.Tenant is { } tenant)
        {
            slaCache.Invalidate(tenant.Id);
        }
    }

    private static async Task AddDefaultsAsync(IServiceDb db, CancellationToken cancellationToken)
    {
        foreach (var input in Defaults)
        {
            var type = new ServiceType();
            Apply(input, type);
            db.ServiceTypes.Add(type);
        }

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two first visits at once: the other one created them (the unique code index refused ours).
        }
    }

    private static void Apply(ServiceTypeInput input, ServiceType type)
    {
        type.Code = input.Code.Trim().ToUpperInvariant();
        type.NameZh = input.NameZh?.Trim() ?? "";
        type.NameEn = input.NameEn?.Trim() ?? "";
        type.Icon = string.IsNullOrWhiteSpace(input.Icon) ? "support_agent" : input.Icon.Trim();
        type.Color = input.Color;
        type.DefaultPriority = input.DefaultPriority;
        type.SlaHours = input.SlaHours;
        type.SortOrder = input.SortOrder;
        type.WorkflowKey = input.WorkflowKey ?? (string.IsNullOrEmpty(type.WorkflowKey) ? ServiceType.DefaultWorkflowKey : type.WorkflowKey);
        type.ConcurrencyStamp = Guid.NewGuid().ToString("N");
    }
}

public enum TypeSaveStatus
{
    Saved,
    Invalid,
    NotFound,
    Conflict,
}

public sealed record TypeSaveResult(TypeSaveStatus Status, Guid? Id = null, IReadOnlyDictionary<string, string>? Errors = null);
