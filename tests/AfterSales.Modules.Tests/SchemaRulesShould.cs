using AfterSales.Modules.Forms;

namespace AfterSales.Modules.Tests;

/// <summary>A form that can be published: keys, labels, options, rules and visibility that can all be met.</summary>
public sealed class SchemaRulesShould
{
    private static FormSchema Form(params FieldDefinition[] fields) => new() { Sections = [new FormSection { Fields = [.. fields] }] };

    private static FieldDefinition Text(string key) => new() { Key = key, Kind = FieldKind.Text, LabelEn = key };

    private static IEnumerable<string> Codes(FormSchema schema, IReadOnlyDictionary<string, FieldKind>? published = null) =>
        SchemaRules.Validate(schema, published).Select(e => $"{e.FieldKey}:{e.Code}");

    [Fact]
    public void AcceptAFormThatFollowsTheRules() => Assert.Empty(Codes(Form(Text("a"), Text("b"))));

    [Fact]
    public void RefuseBadAndRepeatedKeys() =>
        Assert.Equal(["Bad Key:Design.Key", "a:Design.KeyTaken"], Codes(Form(Text("a"), Text("Bad Key"), Text("a"))));

    [Fact]
    public void RequireALabelAndOptions()
    {
        var unlabelled = new FieldDefinition { Key = "x", Kind = FieldKind.SingleSelect };

        Assert.Equal(["x:Design.LabelRequired", "x:Design.OptionsRequired"], Codes(Form(unlabelled)));
    }

    [Fact]
    public void LetVisibilityDependOnlyOnAnEarlierField()
    {
        var later = Text("b");
        var first = Text("a");
        first.VisibleWhen = new VisibilityRule { FieldKey = "b", Operator = VisibilityOperator.IsSet };
        var self = Text("c");
        self.VisibleWhen = new VisibilityRule { FieldKey = "c", Operator = VisibilityOperator.IsSet };

        Assert.Equal(["a:Design.VisibilityEarlier", "c:Design.VisibilityEarlier"], Codes(Form(first, later, self)));
    }

    [Fact]
    public void RefuseRulesThatCannotBeMet()
    {
        var range = new FieldDefinition { Key = "n", Kind = FieldKind.Number, LabelEn = "n", Min = 10, Max = 1 };
        var pattern = Text("p");
        pattern.Pattern = "([a-z";
        var badDefault = new FieldDefinition { Key = "d", Kind = FieldKind.Date, LabelEn = "d", Default = "tomorrow" };

        Assert.Equal(["n:Design.MinMax", "p:Design.Pattern", "d:Design.DefaultInvalid"], Codes(Form(range, pattern, badDefault)));
    }

    [Fact]
    public void KeepThePublishedKindOfAField() =>
        Assert.Equal(["a:Design.KindFixed"], Codes(Form(Text("a")), new Dictionary<string, FieldKind> { ["a"] = FieldKind.Number }));

    [Fact]
    public void KeepAttachmentFieldsOptionalAndOnRequestForms()
    {
        var photo = new FieldDefinition { Key = "photo", Kind = FieldKind.Attachment, LabelEn = "Photo", Required = true };

        Assert.Equal(["photo:Design.AttachmentRequired"], Codes(Form(photo)));
        Assert.Contains("photo:Design.AttachmentNotHere", SchemaRules.Validate(Form(photo), allowAttachments: false).Select(e => $"{e.FieldKey}:{e.Code}"));
    }

    [Fact]
    public void SurviveAJsonRoundTrip()
    {
        var schema = Form(new FieldDefinition
        {
            Key = "m", Kind = FieldKind.MultiSelect, LabelZh = "安装", Options = [new() { Value = "a", LabelEn = "A" }],
            VisibleWhen = null, Public = true,
        });

        var again = FormSchema.FromJson(schema.ToJson());

        Assert.Equal(schema.ToJson(), again.ToJson());
        Assert.Contains("\"kind\":\"MultiSelect\"", schema.ToJson());
    }
}
