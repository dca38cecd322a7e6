using AfterSales.Modules.Administration;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Host.Setup;

/// <summary>
/// What every installation needs before anyone can sign in, in every environment: the roles, and a first platform
/// operator from <c>Platform:Operator:Email</c> and <c>Platform:Operator:Password</c> (a deployment's secret) while
/// none exists. Replicas starting together may all run it; each step tolerates another having done it.
/// </summary>
public sealed class PlatformBootstrap(IServiceProvider services, IConfiguration configuration, ILogger<PlatformBootstrap> logger)
{
    public async Task RunAsync(CancellationToken cancellationToken = default)
    {
        await using var scope = services.CreateAsyncScope();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole>>();
        foreach (var role in Roles.TenantRoles.Append(Roles.PlatformOperator))
        {
            if (await roles.RoleExistsAsync(role))
            {
                continue;
            }

            try
            {
                await roles.CreateAsync(new IdentityRole(role));
            }
            catch (DbUpdateException)
            {
                // Created by another replica between the check and the insert (unique role name).
            }
        }

        var email = configuration["Platform:Operator:Email"];
        var password = configuration["Platform:Operator:Password"];
        if (string.IsNullOrWhiteSpace(email) || string.IsNullOrWhiteSpace(password))
        {
            return;
        }

        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        if ((await users.GetUsersInRoleAsync(Roles.PlatformOperator)).Count > 0 || await users.FindByEmailAsync(email) is not null)
        {
            return;
        }

        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true, DisplayName = "Platform operator" };
        var result = await users.CreateAsync(user, password);
        if (result.Succeeded)
        {
            result = await users.AddToRoleAsync(user, Roles.PlatformOperator);
        }

        if (!result.Succeeded)
        {
            // A weak password in the secret must not stop the service; the log says what to fix.
            logger.LogError("The first platform operator {Email} was not created: {Errors}", email,
                string.Join("; ", result.Errors.Select(e => e.Description)));
            return;
        }

        logger.LogInformation("Created the first platform operator {Email}.", email);
    }
}
