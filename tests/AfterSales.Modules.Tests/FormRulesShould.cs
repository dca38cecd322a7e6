using AfterSales.Modules.Forms;

namespace AfterSales.Modules.Tests;

/// <summary>A filled-in form: unknown and hidden fields, defaults, visibility chains and the portal's view.</summary>
public sealed class FormRulesShould
{
    // On-site visit: where it is installed; the floor only for wall units; the lift only above the fifth floor.
    private static FormSchema Schema() => new()
    {
        Sections =
        [
            new FormSection
            {
                Fields =
                [
                    new FieldDefinition
                    {
                        Key = "mounting", Kind = FieldKind.SingleSelect, LabelEn = "Mounting", Required = true, Public = true, Default = "floor",
                        Options = [new() { Value = "wall" }, new() { Value = "floor" }],
                    },
                    new FieldDefinition
                    {
                        Key = "floor_no", Kind = FieldKind.Number, LabelEn = "Floor", Required = true, Min = 1, Public = true,
                        VisibleWhen = new VisibilityRule { FieldKey = "mounting", Operator = VisibilityOperator.Equals, Values = ["wall"] },
                    },
                    new FieldDefinition
                    {
                        Key = "lift", Kind = FieldKind.YesNo, LabelEn = "Lift available",
                        VisibleWhen = new VisibilityRule { FieldKey = "floor_no", Operator = VisibilityOperator.IsSet },
                    },
                    new FieldDefinition { Key = "internal_note", Kind = FieldKind.Text, LabelEn = "Internal note" },
                ],
            },
        ],
    };

    private static FormCheck Check(Dictionary<string, string?> values, FormAudience audience = FormAudience.Staff, bool defaults = true) =>
        FormRules.Check(Schema(), values, audience, defaults);

    [Fact]
    public void RequireAFieldOnlyWhileItIsShown()
    {
        var floorStanding = Check(new() { ["mounting"] = "floor" });
        var wall = Check(new() { ["mounting"] = "wall" });

        Assert.True(floorStanding.IsValid);
        Assert.Equal(["floor_no:Field.Required"], wall.Errors.Select(e => $"{e.Key}:{e.Code}"));
    }

    [Fact]
    public void DropValuesOfHiddenFieldsAlongAChain()
    {
        var check = Check(new() { ["mounting"] = "floor", ["floor_no"] = "7", ["lift"] = "true" });

        Assert.True(check.IsValid);
        Assert.Equal(new Dictionary<string, string> { ["mounting"] = "floor" }, check.Values);
    }

    [Fact]
    public void ShowAChainedFieldWhenItsControllerHasAValue()
    {
        var check = Check(new() { ["mounting"] = "wall", ["floor_no"] = "7", ["lift"] = "yes" });

        Assert.Equal(["lift:Field.YesNo"], check.Errors.Select(e => $"{e.Key}:{e.Code}"));
        Assert.Equal(new[] { "lift", "mounting", "floor_no", "internal_note" }.Order(), FormRules.VisibleFields(Schema(), new Dictionary<string, string?> { ["mounting"] = "wall", ["floor_no"] = "7" }, FormAudience.Staff).Order());
    }

    [Fact]
    public void ApplyDefaultsOnlyToNewRecords()
    {
        Assert.Equal("floor", Check([]).Values["mounting"]);
        Assert.Equal(["mounting:Field.Required"], Check([], defaults: false).Errors.Select(e => $"{e.Key}:{e.Code}"));
    }

    [Fact]
    public void RefuseFieldsTheFormDoesNotHave()
    {
        var check = Check(new() { ["colour"] = "red" });

        Assert.Equal(["colour:Field.Unknown"], check.Errors.Select(e => $"{e.Key}:{e.Code}"));
    }

    [Fact]
    public void ShowThePortalOnlyThePublicFields()
    {
        var check = Check(new() { ["mounting"] = "wall", ["floor_no"] = "3", ["internal_note"] = "VIP" }, FormAudience.Portal);

        Assert.Equal(["internal_note:Field.Unknown"], check.Errors.Select(e => $"{e.Key}:{e.Code}"));
        Assert.DoesNotContain("lift", FormRules.VisibleFields(Schema(), new Dictionary<string, string?> { ["mounting"] = "wall", ["floor_no"] = "3" }, FormAudience.Portal));
    }

    [Theory]
    [InlineData("Serial number on label", "serial_number_on_label")]
    [InlineData("上门地址", "field_1")]
    [InlineData("mounting", "mounting_1")]
    public void ProposeKeysFromTheEnglishLabel(string label, string expected) =>
        Assert.Equal(expected, FormRules.ProposeKey(label, ["mounting"]));
}
