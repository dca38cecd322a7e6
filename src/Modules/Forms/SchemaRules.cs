namespace AfterSales.Modules.Forms;

/// <summary>A problem with a form's design, for the designer: a FormsText key, the field it is about (null: the form), figures.</summary>
public sealed record DesignError(string? FieldKey, string Code, params object[] Args);

/// <summary>What makes a form's design publishable: keys, labels, options, rules and visibility that can all be met.</summary>
public static class SchemaRules
{
    public const int MaxFields = 100;
    public const int MaxOptions = 200;

    /// <param name="publishedKeys">Fields earlier versions published: their kind cannot change, since stored values were written for it.</param>
    /// <param name="allowAttachments">Only records that keep files (service requests) can have attachment fields.</param>
    public static IReadOnlyList<DesignError> Validate(FormSchema schema, IReadOnlyDictionary<string, FieldKind>? publishedKeys = null, bool allowAttachments = true)
    {
        var errors = new List<DesignError>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var fields = schema.Fields.ToList();
        if (fields.Count > MaxFields)
        {
            errors.Add(new DesignError(null, "Design.TooManyFields", MaxFields));
        }

        foreach (var section in schema.Sections.Where(s => s.TitleZh.Length > 64 || s.TitleEn.Length > 64))
        {
            errors.Add(new DesignError(null, "Design.SectionTitleLength", 64));
        }

        foreach (var field in fields)
        {
            var key = field.Key;
            if (!FormRules.IsValidKey(key))
            {
                errors.Add(new DesignError(key, "Design.Key"));
            }
            else if (!seen.Add(key))
            {
                errors.Add(new DesignError(key, "Design.KeyTaken"));
            }

            if (publishedKeys?.TryGetValue(key, out var kind) == true && kind != field.Kind)
            {
                errors.Add(new DesignError(key, "Design.KindFixed"));
            }

            if (string.IsNullOrWhiteSpace(field.LabelZh) && string.IsNullOrWhiteSpace(field.LabelEn))
            {
                errors.Add(new DesignError(key, "Design.LabelRequired"));
            }
            else if (field.LabelZh.Length > 64 || field.LabelEn.Length > 64 || field.HelpZh?.Length > 500 || field.HelpEn?.Length > 500)
            {
                errors.Add(new DesignError(key, "Design.LabelLength"));
            }

            errors.AddRange(RulesOf(field));
            if (field.Kind == FieldKind.Attachment && !allowAttachments)
            {
                errors.Add(new DesignError(key, "Design.AttachmentNotHere"));
            }
            else if (field.Kind == FieldKind.Attachment && field.Required)
            {
                // Files are attached to a record that exists: a new one could never meet the rule.
                errors.Add(new DesignError(key, "Design.AttachmentRequired"));
            }

            if (field.VisibleWhen is { } rule && !string.IsNullOrEmpty(rule.FieldKey))
            {
                // Only an earlier field may decide, so visibility settles in one pass and can never go round in a circle.
                if (!seen.Contains(rule.FieldKey) || rule.FieldKey == key)
                {
                    errors.Add(new DesignError(key, "Design.VisibilityEarlier"));
                }
                else if (rule.Operator is VisibilityOperator.Equals or VisibilityOperator.NotEquals or VisibilityOperator.AnyOf && rule.Values.Count == 0)
                {
                    errors.Add(new DesignError(key, "Design.VisibilityValue"));
                }
            }

            if (!string.IsNullOrEmpty(field.Default) && field.Kind is not (FieldKind.Attachment or FieldKind.User or FieldKind.Customer or FieldKind.SerialNumber))
            {
                var probe = field.Copy();
                probe.Required = false;
                if (FieldValues.Normalize(probe, field.Default, out _) is not null)
                {
                    errors.Add(new DesignError(key, "Design.DefaultInvalid"));
                }
            }
        }

        return errors;
    }

    private static IEnumerable<DesignError> RulesOf(FieldDefinition field)
    {
        var key = field.Key;
        if (field.HasOptions)
        {
            if (field.Options.Count == 0)
            {
                yield return new DesignError(key, "Design.OptionsRequired");
            }
            else if (field.Options.Count > MaxOptions)
            {
                yield return new DesignError(key, "Design.TooManyOptions", MaxOptions);
            }

            if (field.Options.Any(o => !FormRules.IsValidKey(o.Value)) || field.Options.GroupBy(o => o.Value).Any(g => g.Count() > 1))
            {
                yield return new DesignError(key, "Design.OptionValues");
            }

            if (field.Options.Any(o => string.IsNullOrWhiteSpace(o.LabelZh) && string.IsNullOrWhiteSpace(o.LabelEn)))
            {
                yield return new DesignError(key, "Design.OptionLabel");
            }
        }

        if (field.Min is { } min && field.Max is { } max && min > max)
        {
            yield return new DesignError(key, "Design.MinMax");
        }

        if (field.Kind == FieldKind.Rating && field.Max is { } stars && (stars < 1 || stars > 10 || stars != decimal.Truncate(stars)))
        {
            yield return new DesignError(key, "Design.RatingMax");
        }

        if (field.MinLength is < 0 || field.MaxLength is < 1 or > FieldDefinition.TextLimit || field.MinLength > field.MaxLength)
        {
            yield return new DesignError(key, "Design.Length", FieldDefinition.TextLimit);
        }

        if (!string.IsNullOrEmpty(field.Pattern) && (field.Pattern.Length > 200 || !FieldValues.IsValidPattern(field.Pattern)))
        {
            yield return new DesignError(key, "Design.Pattern");
        }
    }
}
