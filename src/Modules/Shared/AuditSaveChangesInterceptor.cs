using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AfterSales.Modules.Shared;

/// <summary>
/// Writes an <see cref="AuditEntry"/> for every change of an <see cref="IAuditable"/> entity in the same
/// SaveChanges, so the trail and the change commit together or not at all. A context whose
/// <see cref="IBulkWriteDb.AuditEachChange"/> is off (an import) writes its own summary entry instead.
/// </summary>
public sealed class AuditSaveChangesInterceptor(ICurrentUser currentUser, TimeProvider clock) : SaveChangesInterceptor
{
    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        AddEntries(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        AddEntries(eventData.Context);
        return ValueTask.FromResult(result);
    }

    private void AddEntries(DbContext? context)
    {
        if (context is null or IBulkWriteDb { AuditEachChange: false })
        {
            return;
        }

        context.ChangeTracker.DetectChanges();
        var now = clock.GetUtcNow();
        var entries = context.ChangeTracker.Entries<IAuditable>()
            .Where(e => e.State is EntityState.Added or EntityState.Modified or EntityState.Deleted)
            .Select(e => new AuditEntry
            {
                EntityType = e.Metadata.ClrType.Name,
                EntityKey = e.Entity.AuditKey,
                Action = e.State switch
                {
                    EntityState.Added => AuditAction.Created,
                    EntityState.Deleted => AuditAction.Deleted,
                    _ => AuditAction.Updated,
                },
                UserId = currentUser.Id,
                UserName = currentUser.Name,
                At = now,
                Changes = Describe(e),
            })
            .ToList();
        context.AddRange(entries);
    }

    private static string Describe(EntityEntry entry)
    {
        var changes = new Dictionary<string, object?[]>();
        foreach (var property in entry.Properties)
        {
            // Stamps are bookkeeping, not facts a reader needs; other concurrency tokens (a warranty's end date) are real data.
            if (property.Metadata.IsPrimaryKey() || property.Metadata.Name is "TenantId" || property.Metadata.Name.EndsWith("Stamp", StringComparison.Ordinal))
            {
                continue;
            }

            var (before, after) = entry.State switch
            {
                EntityState.Added => (null, property.CurrentValue),
                EntityState.Deleted => (property.OriginalValue, null),
                _ => (property.OriginalValue, property.CurrentValue),
            };
            if (entry.State == EntityState.Modified && (!property.IsModified || Equals(before, after)))
            {
                continue;
            }

            changes[property.Metadata.Name] = [Brief(before), Brief(after)];
        }

        return JsonSerializer.Serialize(changes);
    }

    // A document column (a workflow's JSON) would copy itself into the trail on every save; its size says that it changed.
    private static object? Brief(object? value) => value is string { Length: > MaxText } text ? $"({text.Length:N0} characters)" : value;

    // Above the longest text a user types into a field (a description: 4,000), so only documents are shortened.
    private const int MaxText = 8000;
}
