using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;

namespace AfterSales.Modules.Products;

/// <summary>The tenant's product models.</summary>
public sealed class ProductCatalog(IDbFactory<IProductsDb> dbFactory)
{
    public async Task<IReadOnlyList<ProductModel>> ListAsync(CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ProductModels.AsNoTracking().OrderBy(m => m.Code).ToListAsync(cancellationToken);
    }

    /// <returns>Error text keys per field; empty when created.</returns>
    public async Task<IReadOnlyDictionary<string, string>> CreateAsync(ModelInput input, CancellationToken cancellationToken = default)
    {
        var errors = new Dictionary<string, string>();
        var code = (input.Code ?? "").Trim();
        if (code.Length is 0 or > 64)
        {
            errors[nameof(input.Code)] = "Validation.ModelCodeRequired";
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors[nameof(input.Name)] = "Validation.ModelNameRequired";
        }

        if (input.DefaultWarrantyMonths is < 0 or > 240)
        {
            errors[nameof(input.DefaultWarrantyMonths)] = "Validation.WarrantyMonths";
        }

        using var db = dbFactory.Create();
        if (errors.Count == 0 && await db.ProductModels.AnyAsync(m => m.Code == code, cancellationToken))
        {
            errors[nameof(input.Code)] = "Validation.ModelCodeTaken";
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        db.ProductModels.Add(new ProductModel
        {
            Code = code,
            Name = input.Name.Trim(),
            Category = string.IsNullOrWhiteSpace(input.Category) ? null : input.Category.Trim(),
            DefaultWarrantyMonths = input.DefaultWarrantyMonths,
        });
        await db.SaveChangesAsync(cancellationToken);
        return errors;
    }
}
