using System.Text.RegularExpressions;

namespace AfterSales.Modules.Service;

/// <summary>What makes a service type or a request valid. Errors are text keys (ServiceText) per field.</summary>
public static partial class ServiceRules
{
    public const int TypeCodeLength = 16;
    public const int SubjectLength = 200;
    public const int DescriptionLength = 4000;
    public const int CommentLength = 2000;

    public static Dictionary<string, string> Validate(ServiceTypeInput input)
    {
        var errors = new Dictionary<string, string>();
        if (!CodePattern().IsMatch((input.Code ?? "").Trim()))
        {
            errors[nameof(input.Code)] = "Validation.TypeCode";
        }

        if (string.IsNullOrWhiteSpace(input.NameZh) && string.IsNullOrWhiteSpace(input.NameEn))
        {
            errors[nameof(input.NameZh)] = "Validation.TypeNameRequired";
        }
        else if (input.NameZh?.Trim().Length > 64 || input.NameEn?.Trim().Length > 64)
        {
            errors[nameof(input.NameZh)] = "Validation.TypeNameLength";
        }

        if (input.SlaHours is < 1 or > 8760)
        {
            errors[nameof(input.SlaHours)] = "Validation.SlaHours";
        }

        if (!ColorPattern().IsMatch(input.Color ?? ""))
        {
            errors[nameof(input.Color)] = "Validation.Color";
        }

        return errors;
    }

    public static Dictionary<string, string> Validate(RequestInput input)
    {
        var errors = new Dictionary<string, string>();
        if (input.ServiceTypeId == Guid.Empty)
        {
            errors[nameof(input.ServiceTypeId)] = "Validation.TypeRequired";
        }

        if (string.IsNullOrWhiteSpace(input.Subject) || input.Subject.Trim().Length > SubjectLength)
        {
            errors[nameof(input.Subject)] = "Validation.SubjectRequired";
        }

        if (input.Description?.Trim().Length > DescriptionLength)
        {
            errors[nameof(input.Description)] = "Validation.DescriptionTooLong";
        }

        if (string.IsNullOrWhiteSpace(input.CustomerCode) && string.IsNullOrWhiteSpace(input.SerialNumber) && string.IsNullOrWhiteSpace(input.ContactPhone))
        {
            errors[nameof(input.CustomerCode)] = "Validation.WhoAsks";
        }

        if (input.ContactName?.Trim().Length > 100 || input.ContactPhone?.Trim().Length > 32)
        {
            errors[nameof(input.ContactName)] = "Validation.ContactTooLong";
        }

        return errors;
    }

    [GeneratedRegex("^[A-Z][A-Z0-9_]{0,15}$")]
    private static partial Regex CodePattern();

    [GeneratedRegex("^#[0-9a-fA-F]{6}$")]
    private static partial Regex ColorPattern();
}
