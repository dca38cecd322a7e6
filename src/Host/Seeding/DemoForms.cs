using AfterSales.Modules.Forms;
using AfterSales.Modules.Service;

namespace AfterSales.Host.Seeding;

/// <summary>
/// Published forms for the demo tenants' on-site, return-to-factory and complaint types, so the demo shows custom fields.
/// Every required field has a default: requests taken without them (API examples, tests) stay valid.
/// </summary>
internal static class DemoForms
{
    public static async Task SeedAsync(FormBook forms, ServiceTypeCatalog types, CancellationToken cancellationToken)
    {
        await PublishAsync(forms, types, "ONSITE", OnSite(), cancellationToken);
        await PublishAsync(forms, types, "RMA", new FormSection
        {
            TitleZh = "返厂登记", TitleEn = "Return registration",
            Fields =
            [
                new FieldDefinition
                {
                    Key = "appearance", Kind = FieldKind.MultiSelect, LabelZh = "外观检查", LabelEn = "Appearance check",
                    Options = [Option("scratch", "划痕", "Scratches"), Option("dent", "凹陷", "Dent"), Option("missing_parts", "配件缺失", "Missing parts")],
                },
                new FieldDefinition { Key = "tracking_no", Kind = FieldKind.Text, LabelZh = "寄回快递单号", LabelEn = "Tracking number", MaxLength = 32, Public = true },
            ],
        }, cancellationToken);
        await PublishAsync(forms, types, "COMPLAINT", new FormSection
        {
            Fields = [new FieldDefinition { Key = "call_back", Kind = FieldKind.YesNo, LabelZh = "需要回电", LabelEn = "Call back", Default = "true", Public = true }],
        }, cancellationToken);
    }

    /// <summary>The on-site visit form (mounting, floor, work at height, preferred time); the data generator publishes it too.</summary>
    public static FormSection OnSite() => new()
    {
        TitleZh = "上门信息", TitleEn = "Visit",
        Fields =
        [
            Select("mounting", "安装方式", "Mounting", required: true, defaultValue: "wall", ("wall", "壁挂", "Wall"), ("floor", "落地", "Floor-standing"), ("ceiling", "吊顶", "Ceiling")),
            new FieldDefinition
            {
                Key = "floor_no", Kind = FieldKind.Number, LabelZh = "楼层", LabelEn = "Floor", Min = -5, Max = 200,
                HelpZh = "高层壁挂机需安排登高作业", HelpEn = "High wall units need working at height",
                VisibleWhen = new VisibilityRule { FieldKey = "mounting", Operator = VisibilityOperator.Equals, Values = ["wall"] },
            },
            new FieldDefinition { Key = "height_work", Kind = FieldKind.YesNo, LabelZh = "需要登高作业", LabelEn = "Work at height" },
            Select("time_slot", "期望上门时段", "Preferred time", required: false, defaultValue: null, ("morning", "上午", "Morning"), ("afternoon", "下午", "Afternoon"), ("evening", "晚上", "Evening")),
        ],
    };

    /// <summary>Saves <paramref name="section"/> as the type's form and publishes it, as an admin does in the designer.</summary>
    public static async Task<PublishedForm> PublishAsync(FormBook forms, Guid typeId, FormSection section, string by, CancellationToken cancellationToken)
    {
        var key = FormKeys.ForServiceType(typeId);
        var draft = await forms.SaveDraftAsync(key, new FormSchema { Sections = [section] }, null, by, cancellationToken);
        var published = await forms.PublishAsync(key, draft.Stamp ?? "", by, cancellationToken);
        return published.Status == DesignSaveStatus.Saved
            ? await forms.PublishedAsync(key, cancellationToken)
            : throw new InvalidOperationException($"Form {key}: {published.Status} {string.Join(", ", published.Errors?.Select(e => $"{e.FieldKey}:{e.Code}") ?? [])}");
    }

    private static async Task PublishAsync(FormBook forms, ServiceTypeCatalog types, string typeCode, FormSection section, CancellationToken cancellationToken)
    {
        var type = await types.FindByCodeAsync(typeCode, cancellationToken) ?? throw new InvalidOperationException($"Demo type {typeCode} missing.");
        await PublishAsync(forms, type.Id, section, "Demo", cancellationToken);
    }

    private static FieldDefinition Select(string key, string zh, string en, bool required, string? defaultValue, params (string Value, string Zh, string En)[] options) => new()
    {
        Key = key, Kind = FieldKind.SingleSelect, LabelZh = zh, LabelEn = en, Required = required, Default = defaultValue, Public = true,
        Options = options.Select(o => Option(o.Value, o.Zh, o.En)).ToList(),
    };

    private static FieldOption Option(string value, string zh, string en) => new() { Value = value, LabelZh = zh, LabelEn = en };
}
