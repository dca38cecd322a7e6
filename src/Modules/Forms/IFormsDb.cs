using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Forms;

/// <summary>What the forms feature sees of the database.</summary>
public interface IFormsDb : IDisposable
{
    DbSet<FormVersion> FormVersions { get; }
    DbSet<CustomFieldValue> CustomFieldValues { get; }
    Task<int> SaveChangesAsync(CancellationToken cancellationToken = default);
}
