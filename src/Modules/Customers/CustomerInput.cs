namespace AfterSales.Modules.Customers;

/// <summary>A customer as entered in the form or sent to the API.</summary>
public sealed class CustomerInput
{
    public string Code { get; set; } = "";
    public string Name { get; set; } = "";
    public CustomerKind Kind { get; set; } = CustomerKind.Company;
    public string? Level { get; set; }
    public string? Tags { get; set; }
    public string? Region { get; set; }
    public string? Address { get; set; }
    public string? Phone { get; set; }
    public string? Email { get; set; }
    public string? Notes { get; set; }
    public DateOnly? Birthday { get; set; }
    public List<ContactInput> Contacts { get; set; } = [];
    public List<AddressInput> Addresses { get; set; } = [];

    public sealed class ContactInput
    {
        public string Name { get; set; } = "";
        public string? Phone { get; set; }
        public string? Email { get; set; }
        public string? Role { get; set; }
    }

    public sealed class AddressInput
    {
        public string Label { get; set; } = "";
        public string? Region { get; set; }
        public string Address { get; set; } = "";
        public string? ContactName { get; set; }
        public string? Phone { get; set; }
    }

    /// <summary>Values of the tenant's custom customer fields by key; null leaves them as they are.</summary>
    [System.Text.Json.Serialization.JsonConverter(typeof(AfterSales.Modules.Forms.FieldValuesJsonConverter))]
    public Dictionary<string, string?>? CustomFields { get; set; }

    public static CustomerInput From(Customer customer) => new()
    {
        Code = customer.Code,
        Name = customer.Name,
        Kind = customer.Kind,
        Level = customer.Level,
        Tags = customer.Tags,
        Region = customer.Region,
        Address = customer.Address,
        Phone = customer.Phone,
        Email = customer.Email,
        Notes = customer.Notes,
        Birthday = customer.Birthday,
        Contacts = customer.Contacts.Select(c => new ContactInput { Name = c.Name, Phone = c.Phone, Email = c.Email, Role = c.Role }).ToList(),
        Addresses = customer.Addresses.OrderBy(a => a.Label)
            .Select(a => new AddressInput { Label = a.Label, Region = a.Region, Address = a.Address, ContactName = a.ContactName, Phone = a.Phone }).ToList(),
    };

    /// <summary>Copies the input onto <paramref name="customer"/>, trimmed; contacts are replaced as a whole.</summary>
    public void ApplyTo(Customer customer)
    {
        customer.Code = Code.Trim();
        customer.Name = Name.Trim();
        customer.Kind = Kind;
        customer.Level = Clean(Level);
        customer.Tags = Clean(Tags);
        customer.Region = Clean(Region);
        customer.Address = Clean(Address);
        customer.Phone = Clean(Phone);
        customer.Email = Clean(Email);
        customer.Notes = Clean(Notes);
        customer.Birthday = Birthday;
        customer.Contacts.Clear();
        customer.Contacts.AddRange(Contacts.Select(c => new CustomerContact
        {
            CustomerId = customer.Id,
            Name = c.Name.Trim(),
            Phone = Clean(c.Phone),
            Email = Clean(c.Email),
            Role = Clean(c.Role),
        }));
        customer.Addresses.Clear();
        customer.Addresses.AddRange(Addresses.Select(a => new CustomerAddress
        {
            CustomerId = customer.Id,
            Label = a.Label.Trim(),
            Region = Clean(a.Region),
            Address = a.Address.Trim(),
            ContactName = Clean(a.ContactName),
            Phone = Clean(a.Phone),
        }));
    }

    private static string? Clean(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
