using AfterSales.Modules.Service;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Parts;

/// <summary>
/// A part movement on the request's timeline. The line stores the movement and the part request's number, not a sentence, so
/// each reader sees it in their own language.
/// </summary>
public sealed class PartTimeline(IStringLocalizer<PartText> text) : IRequestEventText
{
    public static string Text(PartMovementKind kind, string partRequestNumber) => $"{kind}:{partRequestNumber}";

    public static (PartMovementKind Kind, string Number)? Parse(string? text) =>
        text?.IndexOf(':', StringComparison.Ordinal) is > 0 and var colon && Enum.TryParse<PartMovementKind>(text[..colon], out var kind)
            ? (kind, text[(colon + 1)..]) : null;

    public string? Describe(TimelineEntry entry) =>
        entry.Kind == RequestEventKind.PartMoved && Parse(entry.Text) is var (kind, number)
            ? text["Timeline." + kind, number] + (entry.Details is { } details ? $"\n{details}" : "")
            : null;
}
