namespace AfterSales.Modules.Service;

/// <summary>
/// Words for the timeline lines another feature writes (kinds the service pages do not know the texts of); registered by that
/// feature. Null when the line is not its own.
/// </summary>
public interface IRequestEventText
{
    string? Describe(TimelineEntry entry);
}
