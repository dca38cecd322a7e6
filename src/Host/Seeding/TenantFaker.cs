using AfterSales.Modules.Customers;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Products;
using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using Bogus;

namespace AfterSales.Host.Seeding;

/// <summary>
/// Makes one tenant's data with Bogus, in the tenant's language. Records are built through the app's own rules
/// (customer input and validation, serial-number normalisation and warranty), so they are what the app would have saved.
/// </summary>
internal sealed class TenantFaker(FakeVocabulary words, int seed)
{
    private readonly Faker _faker = new(words.Locale) { Random = new Randomizer(seed) };

    public Tenant NewTenant(string identifier)
    {
        var name = words.IsChinese ? ChineseCompany() : _faker.Company.CompanyName();
        return new Tenant
        {
            Identifier = identifier,
            DisplayName = name,
            DefaultCulture = words.Culture,
            TimeZone = _faker.PickRandom(words.TimeZones),
            Branding = new TenantBranding { PrimaryColor = "#" + _faker.Random.Hexadecimal(6, ""), PortalTitle = words.IsChinese ? name + " 客户服务中心" : name + " Service Portal" },
        };
    }

    /// <summary>A category per product line the tenant sells, and one to three models in each.</summary>
    public (List<ProductCategory> Categories, List<ProductModel> Models) Catalogue()
    {
        var categories = new List<ProductCategory>();
        var models = new List<ProductModel>();
        var codes = new HashSet<string>(StringComparer.Ordinal);
        foreach (var line in _faker.Random.ListItems(words.ProductLines, _faker.Random.Int(3, 6)))
        {
            var category = new ProductCategory { Name = line.Category, SortOrder = categories.Count * 10 };
            categories.Add(category);
            for (var i = _faker.Random.Int(1, 3); i > 0; i--)
            {
                var code = $"{line.CodePrefix}-{_faker.Random.Int(1, 99) * 10}";
                if (codes.Add(code))
                {
                    models.Add(NewModel(code, $"{line.Name} {code}", category, _faker.PickRandom(line.WarrantyMonths), line.Consumables));
                }
            }
        }

        return (categories, models);
    }

    // The one place that ties a generated model to its category, so that a change of how models are grouped changes one line.
    private static ProductModel NewModel(string code, string name, ProductCategory category, int warrantyMonths, (string Name, int Days)[] consumables) => new()
    {
        Code = code,
        Name = name,
        CategoryId = category.Id,
        DefaultWarrantyMonths = warrantyMonths,
        Consumables = consumables.Select(c => new ModelConsumable { Name = c.Name, LifetimeDays = c.Days }).ToList(),
    };

    public IEnumerable<Customer> Customers(int count)
    {
        for (var i = 1; i <= count; i++)
        {
            var input = _faker.Random.Bool(0.75f) ? Company(i) : Person(i);
            var errors = CustomerRules.Validate(input);
            if (errors.Count > 0)
            {
                throw new InvalidOperationException($"Generated customer {input.Code} is invalid: {string.Join(", ", errors.Keys)}");
            }

            var customer = new Customer();
            input.ApplyTo(customer);
            yield return customer;
        }
    }

    private CustomerInput Company(int number)
    {
        var contacts = Enumerable.Range(0, _faker.Random.Int(1, 3)).Select(_ => Contact()).ToList();
        return new CustomerInput
        {
            Code = words.IsChinese ? $"C{number:D5}" : $"AC-{number:D5}",
            Name = words.IsChinese ? ChineseCompany() : _faker.Company.CompanyName(),
            Kind = CustomerKind.Company,
            Level = _faker.PickRandom(words.Levels),
            Tags = _faker.Random.Bool(0.6f) ? string.Join(",", _faker.Random.ListItems(words.Tags, _faker.Random.Int(1, 2))) : null,
            Region = Region(),
            Address = Address(),
            Phone = words.IsChinese ? _faker.Phone.PhoneNumber() : _faker.Phone.PhoneNumber("###-###-####"),
            // Bogus zh_CN makes domain words of Chinese characters; a company's mail domain is ASCII.
            Email = _faker.Random.Bool(0.5f) ? $"service{number}@{_faker.Random.String2(_faker.Random.Int(4, 8), "abcdefghijklmnopqrstuvwxyz")}.example" : null,
            Notes = _faker.Random.Bool(0.1f) ? _faker.PickRandom(words.Notes) : null,
            Contacts = contacts,
            Addresses = _faker.Random.Bool(0.15f) ? [Site()] : [],
        };
    }

    private CustomerInput Person(int number) => new()
    {
        Code = words.IsChinese ? $"P{number:D5}" : $"AP-{number:D5}",
        Name = PersonName(),
        Kind = CustomerKind.Individual,
        Region = Region(),
        Address = Address(),
        Phone = MobilePhone(),
    };

    private CustomerInput.AddressInput Site() => new()
    {
        Label = _faker.PickRandom(words.SiteLabels),
        Region = Region(),
        Address = Address(),
        ContactName = PersonName(),
        Phone = MobilePhone(),
    };

    private CustomerInput.ContactInput Contact() => new()
    {
        Name = PersonName(),
        Phone = MobilePhone(),
        Email = _faker.Random.Bool(0.4f) ? Email() : null,
        Role = _faker.PickRandom(words.ContactRoles),
    };

    // Chinese names are written family name first, without a space; Bogus zh_CN puts the given name first.
    internal string PersonName() => words.IsChinese ? _faker.Name.LastName() + _faker.Name.FirstName() : _faker.Name.FullName();

    private string Region() => words.Regions.Length > 0 ? _faker.PickRandom(words.Regions) : _faker.Address.State();

    private string Address() => words.IsChinese
        ? _faker.Address.State() + _faker.Address.City() + _faker.Address.StreetAddress()
        : $"{_faker.Address.StreetAddress()}, {_faker.Address.City()}";

    internal string MobilePhone() => words.IsChinese
        ? "1" + _faker.PickRandom('3', '5', '7', '8', '9') + _faker.Random.ReplaceNumbers("#########")
        : _faker.Phone.PhoneNumber("+1 ###-###-####");

    private string Email() => words.IsChinese
        ? $"{_faker.Random.Int(10_000_000, 999_999_999)}@{_faker.PickRandom(FakeVocabulary.ChineseMailDomains)}"
        : _faker.Internet.Email();

    private string ChineseCompany() =>
        _faker.Address.City().TrimEnd('市') + _faker.PickRandom(FakeVocabulary.ChineseBrands) + _faker.PickRandom(FakeVocabulary.ChineseTrades)
        + _faker.PickRandom(FakeVocabulary.ChineseLegalForms);

    /// <summary>The tenant's units: the tenant keeps a few suppliers and salespeople, and one serial-number format.</summary>
    public UnitFaker Units(IReadOnlyList<ProductModel> models, IReadOnlyList<Guid> customerIds, DateOnly today, DateTimeOffset now)
    {
        var suppliers = Enumerable.Range(0, _faker.Random.Int(2, 5)).Select(_ => words.IsChinese ? ChineseCompany() : _faker.Company.CompanyName()).ToArray();
        var salespeople = Enumerable.Range(0, _faker.Random.Int(3, 10)).Select(_ => PersonName()).ToArray();
        return new UnitFaker(_faker, models, customerIds, suppliers, salespeople, today, now);
    }

    /// <summary>The tenant's service requests over its types, customers and units; the on-site ones fill in <paramref name="onSiteForm"/>.</summary>
    /// <summary>How many engineers the tenant's field service has.</summary>
    public int EngineerCount() => _faker.Random.Int(3, 8);

    public RequestFaker Requests(
        TenantInfo tenant, IReadOnlyList<ServiceType> types, PublishedForm onSiteForm, IReadOnlyList<ProductModel> models, IReadOnlyList<Customer> customers,
        IReadOnlyList<SerialNumber> units, DateTimeOffset now, IReadOnlyList<GeneratedEngineer> engineers, GeneratedCategories categories) =>
        new(_faker, this, words, tenant, types, onSiteForm, models, customers, units, now, engineers, categories);
}
