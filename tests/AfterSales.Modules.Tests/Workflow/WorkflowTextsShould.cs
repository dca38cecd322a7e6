using System.Globalization;
using System.Resources;
using AfterSales.Modules.Workflow;
using AfterSales.Modules.Workflow.Designer;
using AfterSales.Workflows.Actions;
using AfterSales.Workflows.Definitions;
using AfterSales.Workflows.Sla;
using AfterSales.Workflows.Validation;

namespace AfterSales.Modules.Tests.Workflow;

/// <summary>The texts the designer looks up by a computed key (an enum member, an action kind) exist in both languages.</summary>
public sealed class WorkflowTextsShould
{
    private static readonly ResourceManager Texts = new(typeof(WorkflowText).FullName!, typeof(WorkflowText).Assembly);

    public static TheoryData<string> ComputedKeys() =>
    [
        .. ActionKinds.All.Select(k => "Designer.Action." + k),
        .. Keys<StatusCategory>("Designer.Category."),
        .. Keys<DurationUnit>("Designer.Duration."),
        .. Keys<AssigneeSource>("Designer.AssigneeSource."),
        .. Keys<NotificationChannel>("Designer.Channel."),
        .. Keys<RecipientKind>("Designer.Recipient."),
        .. Keys<TransitionTrigger>("Designer.Trigger."),
        .. Keys<TimerStart>("Designer.TimerStart."),
        .. Keys<TimerDueKind>("Designer.TimerDueKind."),
        .. Keys<SlaClockKind>("Designer.Sla."),
        .. Keys<VariableType>("Designer.VariableType."),
        .. Keys<DefinitionElement>("Designer.Element."),
        "Designer.NewStatus", "Designer.Assignee", "Designer.FromForm", "Designer.Public", "Designer.DueIn",
    ];

    [Theory]
    [MemberData(nameof(ComputedKeys))]
    public void ExistInEnglishAndChinese(string key)
    {
        var english = Texts.GetString(key, CultureInfo.GetCultureInfo("en"));
        var chinese = Texts.GetString(key, CultureInfo.GetCultureInfo("zh-CN"));

        Assert.False(string.IsNullOrEmpty(english), key);
        Assert.False(string.IsNullOrEmpty(chinese), key);
        Assert.NotEqual(english, chinese);
    }

    private static IEnumerable<string> Keys<TEnum>(string prefix) where TEnum : struct, Enum => Enum.GetValues<TEnum>().Select(v => prefix + v);
}
