using System.Globalization;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Reports;

/// <summary>What a report's filter offers: the tenant's types, models, customer regions and engineers.</summary>
public sealed class ReportOptions(IDbFactory<IReportsDb> dbFactory)
{
    public async Task<ReportChoices> LoadAsync(CultureInfo culture, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var types = (await db.ServiceTypes.AsNoTracking().OrderBy(t => t.SortOrder).ToListAsync(cancellationToken))
            .Select(t => new Choice(t.Id.ToString(), t.NameIn(culture))).ToList();
        var models = await db.ProductModels.AsNoTracking().OrderBy(m => m.Code).Select(m => new Choice(m.Code, m.Code + " " + m.Name)).ToListAsync(cancellationToken);
        var regions = await db.Customers.Where(c => c.Region != null && c.Region != "").Select(c => c.Region!).Distinct().OrderBy(r => r)
            .Select(r => new Choice(r, r)).ToListAsync(cancellationToken);
        var engineers = await (from u in db.Users
                               join ur in db.UserRoles on u.Id equals ur.UserId
                               join role in db.Roles on ur.RoleId equals role.Id
                               where role.Name == Roles.Engineer
                               orderby u.DisplayName
                               select new Choice(u.Id, u.DisplayName == "" ? u.Email! : u.DisplayName)).ToListAsync(cancellationToken);
        return new ReportChoices(types, models, regions, engineers);
    }
}

public sealed record Choice(string Value, string Text);

public sealed record ReportChoices(IReadOnlyList<Choice> Types, IReadOnlyList<Choice> Models, IReadOnlyList<Choice> Regions, IReadOnlyList<Choice> Engineers);
