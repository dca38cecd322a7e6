using AfterSales.Host.Data;
using AfterSales.Modules.Administration;
using AfterSales.Tenancy;
using AfterSales.Tenancy.EntityFrameworkCore;
using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

namespace AfterSales.IntegrationTests;

/// <summary>Isolation is on by default: an entity that is not tenant-owned must be named here as platform data.</summary>
public sealed class ArchitectureShould
{
    private static readonly HashSet<Type> PlatformData =
    [
        typeof(Tenant),
        typeof(DataProtectionKey),
        typeof(AfterSales.Host.Api.ServerKey),
        typeof(IdentityRole),
        typeof(IdentityRoleClaim<string>),
        typeof(IdentityUserRole<string>),
        typeof(IdentityUserClaim<string>),
        typeof(IdentityUserLogin<string>),
        typeof(IdentityUserToken<string>),
        typeof(AfterSales.Modules.Billing.Plan),
        typeof(AfterSales.Modules.Billing.TenantSubscription),
        typeof(AfterSales.Modules.Billing.StripeEventRecord),
        typeof(AfterSales.Modules.Billing.PendingSignUp),
        typeof(AfterSales.Modules.Billing.UsageCounter),
    ];

    [Fact]
    public void IsolateEveryEntityThatIsNotPlatformData()
    {
        using var context = new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").UseOpenIddict().Options, new TenantContext());

        var unmarked = context.Model.GetEntityTypes()
            .Where(t => !t.IsOwned() && !PlatformData.Contains(t.ClrType) && !IsOpenIddict(t) && t.ClrType != typeof(ApplicationUser))
            .Where(t => !typeof(ITenantOwned).IsAssignableFrom(t.ClrType))
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(unmarked);
    }

    [Fact]
    public void FilterEveryTenantOwnedEntityAndTheUsers()
    {
        using var context = new SqliteAppDbContext(
            new DbContextOptionsBuilder<SqliteAppDbContext>().UseSqlite("Data Source=:memory:").UseOpenIddict().Options, new TenantContext());

        var unfiltered = context.Model.GetEntityTypes()
            .Where(t => t.BaseType is null && (typeof(ITenantOwned).IsAssignableFrom(t.ClrType) || t.ClrType == typeof(ApplicationUser)))
            .Where(t => t.FindDeclaredQueryFilter(TenantModelBuilderExtensions.FilterName) is null)
            .Select(t => t.ClrType.Name)
            .ToList();

        Assert.Empty(unfiltered);
    }

    [Fact]
    public void GiveTheWorkflowsTheSameRolesAsTheModules()
    {
        // The engine may not reference the modules, so it names the roles itself; a renamed role would silently lock
        // every transition granted to it.
        Assert.Equal(AfterSales.Modules.Shared.Roles.TenantRoles.Order(), AfterSales.Workflows.Defaults.WorkflowRoles.All.Order());
    }

    [Fact]
    public void KeepTheWorkflowEngineFreeOfTheModulesAndTheHost()
    {
        var references = typeof(AfterSales.Workflows.Runtime.WorkflowEngine).Assembly.GetReferencedAssemblies().Select(a => a.Name!).ToList();

        Assert.DoesNotContain(references, name => name.StartsWith("AfterSales.", StringComparison.Ordinal));
        Assert.DoesNotContain(references, name => name.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal) || name.StartsWith("Microsoft.AspNetCore", StringComparison.Ordinal));
    }

    private static bool IsOpenIddict(IEntityType type) => type.ClrType.Namespace?.StartsWith("OpenIddict", StringComparison.Ordinal) == true;
}
