namespace AfterSales.Modules.Products;

/// <summary>What makes a category, model or spare part valid, shared by the pages, the seeding and the tests.</summary>
public static class CatalogRules
{
    public const int CategoryNameLength = 64;
    public const int MaxWarrantyMonths = 240;

    /// <summary>Ten years: a consumable that lasts longer is not one a reminder should track.</summary>
    public const int MaxLifetimeDays = 3650;
    public const decimal MaxPrice = 9_999_999_999m;

    public static Dictionary<string, string> Validate(ModelInput input)
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

        if (input.DefaultWarrantyMonths is < 0 or > MaxWarrantyMonths)
        {
            errors[nameof(input.DefaultWarrantyMonths)] = "Validation.WarrantyMonths";
        }

        if (input.Description?.Trim().Length > 1000)
        {
            errors[nameof(input.Description)] = "Validation.DescriptionLength";
        }

        var names = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < input.Consumables.Count; i++)
        {
            var consumable = input.Consumables[i];
            var name = (consumable.Name ?? "").Trim();
            if (name.Length is 0 or > 100)
            {
                errors[$"Consumables[{i}].Name"] = "Validation.ConsumableNameRequired";
            }
            else if (!names.Add(name))
            {
                errors[$"Consumables[{i}].Name"] = "Validation.ConsumableNameRepeated";
            }

            if (consumable.LifetimeDays is < 1 or > MaxLifetimeDays)
            {
                errors[$"Consumables[{i}].LifetimeDays"] = "Validation.LifetimeDays";
            }

            if (consumable.PartCode is { Length: > 64 })
            {
                errors[$"Consumables[{i}].PartCode"] = "Validation.ConsumablePartCode";
            }
        }

        return errors;
    }

    public static Dictionary<string, string> Validate(PartInput input)
    {
        var errors = new Dictionary<string, string>();
        if ((input.Code ?? "").Trim().Length is 0 or > 64)
        {
            errors[nameof(input.Code)] = "Validation.PartCodeRequired";
        }

        if (string.IsNullOrWhiteSpace(input.Name) || input.Name.Trim().Length > 200)
        {
            errors[nameof(input.Name)] = "Validation.PartNameRequired";
        }

        if (input.Specification?.Trim().Length > 200)
        {
            errors[nameof(input.Specification)] = "Validation.SpecificationLength";
        }

        if (input.Unit?.Trim().Length > 16)
        {
            errors[nameof(input.Unit)] = "Validation.UnitLength";
        }

        if (input.Price is < 0 or > MaxPrice || decimal.Round(input.Price, 2) != input.Price)
        {
            errors[nameof(input.Price)] = "Validation.Price";
        }

        return errors;
    }

    public static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
