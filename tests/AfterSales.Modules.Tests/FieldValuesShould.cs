using System.Globalization;
using System.Text.Json;
using AfterSales.Modules.Forms;

namespace AfterSales.Modules.Tests;

/// <summary>Each kind's value is read in one canonical form and checked against the field's own rules.</summary>
public sealed class FieldValuesShould
{
    private static FieldDefinition Field(FieldKind kind, Action<FieldDefinition>? configure = null)
    {
        var field = new FieldDefinition { Key = "f", Kind = kind, LabelEn = "Floor", LabelZh = "楼层" };
        configure?.Invoke(field);
        return field;
    }

    private static (string? Value, string? Error) Normalize(FieldDefinition field, string? raw)
    {
        var error = FieldValues.Normalize(field, raw, out var value);
        return (value, error?.Code);
    }

    [Theory]
    [InlineData(FieldKind.Number, " 12.50 ", "12.5")]
    [InlineData(FieldKind.Money, "12.5", "12.50")]
    [InlineData(FieldKind.Date, "2026-11-23", "2026-11-23")]
    [InlineData(FieldKind.DateTime, "2026-11-23 09:30", "2026-11-23T09:30")]
    [InlineData(FieldKind.YesNo, "True", "true")]
    [InlineData(FieldKind.Rating, "4", "4")]
    [InlineData(FieldKind.Customer, "c1001", "C1001")]
    [InlineData(FieldKind.SerialNumber, " kt35-1 ", "KT35-1")]
    [InlineData(FieldKind.Text, "  wall mounted ", "wall mounted")]
    public void KeepOneCanonicalFormPerKind(FieldKind kind, string raw, string expected) =>
        Assert.Equal((expected, null), Normalize(Field(kind), raw));

    [Theory]
    [InlineData(FieldKind.Number, "twelve", "Field.Number")]
    [InlineData(FieldKind.Money, "1.005", "Field.Money")]
    [InlineData(FieldKind.Date, "23/11/2026", "Field.Date")]
    [InlineData(FieldKind.DateTime, "2026-11-23", "Field.DateTime")]
    [InlineData(FieldKind.YesNo, "maybe", "Field.YesNo")]
    [InlineData(FieldKind.Rating, "6", "Field.Rating")]
    [InlineData(FieldKind.Rating, "2.5", "Field.Rating")]
    [InlineData(FieldKind.Attachment, "not-a-guid", "Field.NotFound")]
    public void RefuseWhatIsNotAValueOfTheKind(FieldKind kind, string raw, string code) =>
        Assert.Equal((null, code), Normalize(Field(kind), raw));

    [Fact]
    public void CheckLengthsPatternsAndRanges()
    {
        var phone = Field(FieldKind.Text, f => { f.MinLength = 3; f.MaxLength = 11; f.Pattern = "1[0-9]{10}"; });
        var floors = Field(FieldKind.Number, f => { f.Min = 1; f.Max = 99; });

        Assert.Equal("Field.TooShort", Normalize(phone, "13").Error);
        Assert.Equal("Field.TooLong", Normalize(phone, "138001380001").Error);
        Assert.Equal("Field.Pattern", Normalize(phone, "23800138000").Error);
        Assert.Null(Normalize(phone, "13800138000").Error);
        Assert.Equal("Field.Min", Normalize(floors, "0").Error);
        Assert.Equal("Field.Max", Normalize(floors, "100").Error);
        Assert.Equal(("99", null), Normalize(floors, "99"));
    }

    [Fact]
    public void GiveUpOnAPatternThatTakesTooLongInsteadOfHanging()
    {
        var evil = Field(FieldKind.Text, f => f.Pattern = "(a+)+b");

        Assert.Equal("Field.Pattern", Normalize(evil, new string('a', 1500) + "c").Error);
    }

    [Fact]
    public void KeepChoicesInTheFormsOrderAndRefuseOnesNotOffered()
    {
        var field = Field(FieldKind.MultiSelect, f => f.Options = [new() { Value = "wall" }, new() { Value = "floor" }, new() { Value = "roof" }]);

        Assert.Equal(("wall,roof", null), Normalize(field, "roof, wall,roof"));
        Assert.Equal("Field.Option", Normalize(field, "wall,cellar").Error);
        Assert.Equal("Field.Option", Normalize(Field(FieldKind.SingleSelect, f => f.Options = [new() { Value = "a" }]), "b").Error);
    }

    [Fact]
    public void TreatARequiredYesNoAsAConfirmation()
    {
        var agreed = Field(FieldKind.YesNo, f => f.Required = true);

        Assert.Equal("Field.Required", Normalize(agreed, "false").Error);
        Assert.Equal("Field.Required", Normalize(agreed, "").Error);
        Assert.Equal(("true", null), Normalize(agreed, "true"));
    }

    [Fact]
    public void ReadJsonAsAnIntegrationWritesIt()
    {
        using var json = JsonDocument.Parse("""{"n": 3.5, "b": false, "a": ["x", "y"], "s": "text", "z": null}""");
        var root = json.RootElement;

        Assert.Equal(["3.5", "false", "x,y", "text", null],
            new[] { "n", "b", "a", "s", "z" }.Select(k => FieldValues.FromJson(root.GetProperty(k))));
    }

    [Fact]
    public void ShowValuesAsPeopleReadThem()
    {
        var choice = Field(FieldKind.MultiSelect, f => f.Options = [new() { Value = "a", LabelZh = "壁挂", LabelEn = "Wall" }, new() { Value = "b", LabelZh = "落地", LabelEn = "Floor" }]);
        var zh = CultureInfo.GetCultureInfo("zh-CN");
        var en = CultureInfo.GetCultureInfo("en");

        Assert.Equal("壁挂、落地", FieldValues.Display(choice, "a,b", zh));
        Assert.Equal("Wall, Floor", FieldValues.Display(choice, "a,b", en));
        Assert.Equal("是", FieldValues.Display(Field(FieldKind.YesNo), "true", zh));
        Assert.Equal(new object[] { "a", "b" }, (string[])FieldValues.ToJson(choice, "a,b")!);
        Assert.Equal(12.5m, FieldValues.ToJson(Field(FieldKind.Money), "12.50"));
    }
}
