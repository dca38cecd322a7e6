using System.Globalization;
using AfterSales.Modules.Products;
using Bogus;

namespace AfterSales.Host.Seeding;

/// <summary>
/// Makes a tenant's registered units. Dates are counted back from the tenant's today so that a share of the units
/// is in warranty, a share has left it, a share leaves it within two months and a few are still in stock.
/// </summary>
internal sealed class UnitFaker(
    Faker faker, IReadOnlyList<ProductModel> models, IReadOnlyList<Guid> customerIds, string[] suppliers, string[] salespeople,
    DateOnly today, DateTimeOffset now)
{
    private const int YearsOfSales = 4;

    private readonly int _style = faker.Random.Int(0, 2);
    private readonly HashSet<string> _numbers = new(StringComparer.Ordinal);
    private int _sequence;

    public IEnumerable<SerialNumber> Take(int count)
    {
        for (var i = 0; i < count; i++)
        {
            yield return Next();
        }
    }

    private SerialNumber Next()
    {
        var model = models[faker.Random.Int(0, models.Count - 1)];
        var roll = faker.Random.Double();
        DateOnly produced;
        DateOnly? bought = null;
        DateOnly? givenEnd = null;
        if (roll < 0.05)
        {
            // In stock: not sold yet, so no warranty period until a purchase date is known.
            produced = today.AddDays(-faker.Random.Int(1, 300));
        }
        else if (roll < 0.10)
        {
            // Bought so that the warranty ends within two months: the "leaving warranty" list is never empty.
            var end = today.AddDays(faker.Random.Int(0, 60));
            bought = end.AddDays(1).AddMonths(-model.DefaultWarrantyMonths);
            produced = bought.Value.AddDays(-faker.Random.Int(10, 240));
        }
        else
        {
            bought = today.AddDays(-faker.Random.Int(1, YearsOfSales * 365));
            produced = bought.Value.AddDays(-faker.Random.Int(10, 240));
            if (faker.Random.Bool(0.03f))
            {
                // Sold with a year of extended warranty: a registration that gives its own end date.
                givenEnd = bought.Value.AddMonths(model.DefaultWarrantyMonths + 12).AddDays(-1);
            }
        }

        var unit = new SerialNumber
        {
            Number = NextNumber(model, produced),
            ProductModelId = model.Id,
            CustomerId = bought is not null && customerIds.Count > 0 && faker.Random.Bool(0.9f) ? customerIds[faker.Random.Int(0, customerIds.Count - 1)] : null,
            ProductionDate = produced,
            Batch = string.Create(CultureInfo.InvariantCulture, $"B{produced:yyyyMM}-{faker.Random.Int(1, 4):D2}"),
            Supplier = faker.Random.Bool(0.5f) ? faker.PickRandom(suppliers) : null,
            PurchaseDate = bought,
            Salesperson = bought is not null && faker.Random.Bool(0.7f) ? faker.PickRandom(salespeople) : null,
            CreatedAt = now,
        };
        unit.ApplyWarranty(model.DefaultWarrantyMonths, null, givenEnd);
        return unit;
    }

    private string NextNumber(ProductModel model, DateOnly produced)
    {
        var prefix = model.Code.Replace("-", "", StringComparison.Ordinal);
        string number;
        do
        {
            var sequence = ++_sequence;
            number = SerialRegistry.Normalize(_style switch
            {
                0 => string.Create(CultureInfo.InvariantCulture, $"{prefix}{produced:yyMM}{sequence:D6}"),
                1 => string.Create(CultureInfo.InvariantCulture, $"{prefix}-{produced:yyyy}-{sequence:D6}"),
                _ => string.Create(CultureInfo.InvariantCulture, $"SN{produced:yyMMdd}{sequence:D7}"),
            });
        }
        while (!_numbers.Add(number));

        return SerialRegistry.IsValidNumber(number) ? number : throw new InvalidOperationException($"Generated serial number {number} is invalid.");
    }
}
