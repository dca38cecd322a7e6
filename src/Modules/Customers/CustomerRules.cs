using System.Net.Mail;
using System.Text.RegularExpressions;

namespace AfterSales.Modules.Customers;

/// <summary>What makes a customer record valid. Errors are text keys (CustomerText) per field.</summary>
public static partial class CustomerRules
{
    public const int CodeLength = 32;
    public const int NameLength = 200;

    /// <summary>Birthdays outside these years are typing mistakes (a two-digit year, a date of purchase).</summary>
    public const int MinBirthYear = 1900;
    public const int MaxBirthYear = 2100;

    public static Dictionary<string, string[]> Validate(CustomerInput input)
    {
        var errors = new Dictionary<string, List<string>>();
        void Add(string field, string key) => (errors.TryGetValue(field, out var list) ? list : errors[field] = []).Add(key);

        if (string.IsNullOrWhiteSpace(input.Code))
        {
            Add(nameof(input.Code), "Validation.CodeRequired");
        }
        else if (input.Code.Trim().Length > CodeLength || !CodePattern().IsMatch(input.Code.Trim()))
        {
            Add(nameof(input.Code), "Validation.CodeFormat");
        }

        if (string.IsNullOrWhiteSpace(input.Name))
        {
            Add(nameof(input.Name), "Validation.NameRequired");
        }
        else if (input.Name.Trim().Length > NameLength)
        {
            Add(nameof(input.Name), "Validation.NameTooLong");
        }

        if (!IsEmail(input.Email))
        {
            Add(nameof(input.Email), "Validation.Email");
        }

        if (!IsPhone(input.Phone))
        {
            Add(nameof(input.Phone), "Validation.Phone");
        }

        if (input.Birthday is { } birthday && (birthday.Year < MinBirthYear || birthday.Year > MaxBirthYear))
        {
            Add(nameof(input.Birthday), "Validation.Birthday");
        }

        for (var i = 0; i < input.Contacts.Count; i++)
        {
            var contact = input.Contacts[i];
            if (string.IsNullOrWhiteSpace(contact.Name))
            {
                Add($"Contacts[{i}].Name", "Validation.ContactNameRequired");
            }

            if (!IsPhone(contact.Phone))
            {
                Add($"Contacts[{i}].Phone", "Validation.Phone");
            }

            if (!IsEmail(contact.Email))
            {
                Add($"Contacts[{i}].Email", "Validation.Email");
            }
        }

        var labels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < input.Addresses.Count; i++)
        {
            var address = input.Addresses[i];
            var label = (address.Label ?? "").Trim();
            if (label.Length is 0 or > 64)
            {
                Add($"Addresses[{i}].Label", "Validation.AddressLabelRequired");
            }
            else if (!labels.Add(label))
            {
                Add($"Addresses[{i}].Label", "Validation.AddressLabelRepeated");
            }

            if (string.IsNullOrWhiteSpace(address.Address) || address.Address.Trim().Length > 300)
            {
                Add($"Addresses[{i}].Address", "Validation.AddressRequired");
            }

            if (!IsPhone(address.Phone))
            {
                Add($"Addresses[{i}].Phone", "Validation.Phone");
            }
        }

        return errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
    }

    private static bool IsEmail(string? value) =>
        string.IsNullOrWhiteSpace(value) || (value.Length <= 256 && MailAddress.TryCreate(value.Trim(), out var address) && address.Address == value.Trim());

    private static bool IsPhone(string? value) => string.IsNullOrWhiteSpace(value) || PhonePattern().IsMatch(value.Trim());

    [GeneratedRegex(@"^[A-Za-z0-9][A-Za-z0-9._\-/]*$")]
    private static partial Regex CodePattern();

    // Mobile, landline with area code and extension, international: digits with the usual separators.
    [GeneratedRegex(@"^\+?[0-9][0-9 ()\-]{4,30}$")]
    private static partial Regex PhonePattern();
}
