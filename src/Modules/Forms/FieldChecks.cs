using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.Modules.Forms;

/// <summary>A record's custom fields checked against the published form: the form, the accepted values, and every error.</summary>
public sealed record CheckedFields(PublishedForm Form, IReadOnlyDictionary<string, string> Values, IReadOnlyList<FieldError> Errors)
{
    public bool IsValid => Errors.Count == 0;
}

/// <summary>
/// Checks custom fields for the features that keep records with them (customers, serial numbers): the form's rules, then that
/// references name this tenant's records.
/// </summary>
public sealed class FieldChecks(FormBook forms, IServiceProvider services)
{
    /// <param name="isNew">A new record takes the defaults of fields left out; an edited one keeps them empty.</param>
    public async Task<CheckedFields> CheckAsync(
        string formKey, IReadOnlyDictionary<string, string?>? values, bool isNew, FormAudience audience = FormAudience.Staff, CancellationToken cancellationToken = default)
    {
        var form = await forms.PublishedAsync(formKey, cancellationToken);
        var check = FormRules.Check(form.Schema, values, audience, applyDefaults: isNew);
        // Resolved here rather than injected: the lookup reads customers and units, whose directories use these checks.
        var lookup = services.GetRequiredService<FieldLookup>();
        var references = check.Values.Count == 0 ? [] : await lookup.CheckReferencesAsync(form.Schema, check.Values, cancellationToken);
        return new CheckedFields(form, check.Values, [.. check.Errors, .. references]);
    }

    /// <summary>A record's values with the published form, plus every field earlier versions had (for values of removed fields).</summary>
    public async Task<(FilledForm Form, IReadOnlyDictionary<string, FieldDefinition> Earlier)> ReadAsync(
        string formKey, IReadOnlyDictionary<string, string> values, CancellationToken cancellationToken = default)
    {
        var form = await forms.PublishedAsync(formKey, cancellationToken);
        var earlier = values.Keys.Any(k => form.Schema.Field(k) is null)
            ? await forms.FieldsEverPublishedAsync([formKey], cancellationToken)
            : new Dictionary<string, FieldDefinition>();
        return (await services.GetRequiredService<FieldLookup>().FillAsync(form.Schema, values, cancellationToken), earlier);
    }
}
