using AfterSales.Modules.Forms;
using AfterSales.Workflows.Runtime;

namespace AfterSales.Modules.Service;

/// <summary>
/// The form a transition asks for, as a form schema the custom-field editor renders and <see cref="FormRules"/> checks: each
/// required field is the request's own custom field when its form has one, else one of the step fields the default workflows
/// use (whom to assign, the answer, measures taken, carrier…), else a line of text the timeline keeps.
/// </summary>
public sealed class TransitionForm(IAssigneeDirectory assignees, DictionaryBook dictionaries, IEnumerable<IStepFieldOptions> optionSources)
{
    /// <summary>The request field that names the assignee; a transition requiring it offers the tenant's engineers.</summary>
    public const string AssigneeField = "assigneeId";

    // Step fields of the default workflows that are not custom fields: kind and zh/en label.
    private static readonly Dictionary<string, (FieldKind Kind, string Zh, string En)> StepFields = new(StringComparer.Ordinal)
    {
        [AssigneeField] = (FieldKind.SingleSelect, "处理人", "Assignee"),
        ["requestedDate"] = (FieldKind.Date, "期望日期", "Requested date"),
        ["answer"] = (FieldKind.MultiLineText, "答复内容", "Answer"),
        ["faultCategory"] = (FieldKind.SingleSelect, "故障类别", "Fault category"),
        ["complaintCategory"] = (FieldKind.SingleSelect, "投诉类别", "Complaint category"),
        ["measures"] = (FieldKind.MultiLineText, "处理措施", "Measures taken"),
        ["warrantyCovered"] = (FieldKind.YesNo, "保修范围内", "Covered by warranty"),
        ["responsibility"] = (FieldKind.Text, "责任判定", "Responsibility"),
        ["costSharing"] = (FieldKind.Text, "费用分担", "Cost sharing"),
        ["inspection"] = (FieldKind.MultiLineText, "收货检验", "Inspection on receipt"),
        ["carrier"] = (FieldKind.SingleSelect, "承运商", "Carrier"),
        ["trackingNumber"] = (FieldKind.Text, "运单号", "Tracking number"),
        ["shippedOn"] = (FieldKind.Date, "寄出日期", "Shipped on"),
    };

    /// <summary>The step fields a workflow may require besides the tenant's custom fields, with their labels.</summary>
    public static IEnumerable<(string Key, AfterSales.Workflows.Definitions.LocalizedText Label)> StepFieldLabels =>
        StepFields.Select(s => (s.Key, new AfterSales.Workflows.Definitions.LocalizedText(s.Value.Zh, s.Value.En)));

    /// <summary>The form of <paramref name="requiredFields"/> for a request whose own form is <paramref name="requestForm"/>; every field is required.</summary>
    public async Task<FormSchema> SchemaAsync(IReadOnlyList<string> requiredFields, FormSchema requestForm, CancellationToken cancellationToken = default)
    {
        var fields = new List<FieldDefinition>();
        foreach (var key in requiredFields.Distinct(StringComparer.Ordinal))
        {
            var own = requestForm.Fields.FirstOrDefault(f => f.Key == key);
            var field = own?.Copy() ?? await StepFieldAsync(key, cancellationToken);
            field.Required = true;
            field.VisibleWhen = null;
            fields.Add(field);
        }

        return new FormSchema { Sections = [new FormSection { Fields = fields }] };
    }

    private async Task<FieldDefinition> StepFieldAsync(string key, CancellationToken cancellationToken)
    {
        if (!StepFields.TryGetValue(key, out var step))
        {
            // A field the form no longer has: still asked for, as text, so the transition can be made.
            return new FieldDefinition { Key = key, Kind = FieldKind.Text, LabelZh = key, LabelEn = key, MaxLength = 200 };
        }

        var field = new FieldDefinition { Key = key, Kind = step.Kind, LabelZh = step.Zh, LabelEn = step.En };
        field.Options = key switch
        {
            AssigneeField => (await assignees.EngineersAsync(cancellationToken)).Select(a => new FieldOption { Value = a.UserId, LabelZh = a.Name, LabelEn = a.Name }).ToList(),
            "faultCategory" => await CategoriesAsync(DictionaryKind.FaultCategory, cancellationToken),
            "complaintCategory" => await CategoriesAsync(DictionaryKind.ComplaintCategory, cancellationToken),
            _ => await OtherOptionsAsync(key, cancellationToken),
        };
        if (step.Kind == FieldKind.Text)
        {
            field.MaxLength = 200;
        }

        return field;
    }

    private async Task<List<FieldOption>> OtherOptionsAsync(string key, CancellationToken cancellationToken)
    {
        foreach (var source in optionSources)
        {
            if (await source.OptionsAsync(key, cancellationToken) is { } options)
            {
                return [.. options];
            }
        }

        return [];
    }

    private async Task<List<FieldOption>> CategoriesAsync(DictionaryKind kind, CancellationToken cancellationToken)
    {
        var entries = await dictionaries.ListAsync(kind, cancellationToken);
        var byId = entries.ToDictionary(e => e.Id);
        string Path(DictionaryEntry e, Func<DictionaryEntry, string> name) =>
            e.ParentId is { } parent && byId.TryGetValue(parent, out var p) ? $"{Path(p, name)} / {name(e)}" : name(e);
        return entries.Where(e => !e.IsRetired)
            .Select(e => new FieldOption { Value = e.Id.ToString(), LabelZh = Path(e, x => x.NameZh), LabelEn = Path(e, x => x.NameEn) })
            .OrderBy(o => o.LabelZh, StringComparer.Ordinal).ToList();
    }

    /// <summary>What the user filled in, checked against <paramref name="schema"/>: values for the engine, and the lines the timeline shows.</summary>
    public static TransitionInput Read(FormSchema schema, IReadOnlyDictionary<string, string?> input, System.Globalization.CultureInfo culture)
    {
        var check = FormRules.Check(schema, input, FormAudience.Staff, applyDefaults: false);
        var lines = schema.Fields.Where(f => check.Values.ContainsKey(f.Key))
            .Select(f => $"{f.LabelIn(culture)}: {FieldValues.Display(f, check.Values[f.Key], culture)}");
        return new TransitionInput(check.Values, check.Errors, string.Join('\n', lines));
    }
}

/// <param name="Values">Canonical values by field key.</param>
/// <param name="Errors">Fields that are missing or wrong.</param>
/// <param name="Details">"label: value" per line, for the timeline.</param>
public sealed record TransitionInput(IReadOnlyDictionary<string, string> Values, IReadOnlyList<FieldError> Errors, string Details)
{
    public IReadOnlyDictionary<string, object?> EngineValues => Values.ToDictionary(v => v.Key, v => (object?)v.Value, StringComparer.Ordinal);
}
