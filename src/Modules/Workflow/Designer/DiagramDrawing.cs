using System.Globalization;
using AfterSales.Workflows.Definitions;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Workflow.Designer;

/// <summary>
/// The diagram model of a definition in the reader's language, rebuilt only when the definition, the language or
/// read-only changes: the canvas sends a model to the browser only when it is a new one.
/// </summary>
internal sealed class DiagramDrawing(IStringLocalizer workflow)
{
    private (WorkflowDefinition Definition, string Culture, bool ReadOnly)? drawnFor;
    private DiagramModel? model;

    public DiagramModel Of(WorkflowDefinition definition, bool readOnly)
    {
        var culture = CultureInfo.CurrentUICulture;
        var key = (definition, culture.Name, readOnly);
        if (model is null || drawnFor != key)
        {
            var separator = culture.TwoLetterISOLanguageName == "zh" ? "、" : ", ";
            model = DiagramModel.Of(definition, culture, c => workflow["Designer.Category." + c],
                timers => workflow["Designer.TimersHint", string.Join(separator, timers)], readOnly);
            drawnFor = key;
        }

        return model;
    }
}
