using System.Text;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Notifications;

/// <summary>Development's SMS: each message written to a text file in a folder, as mail goes to .eml files.</summary>
public sealed class FolderSmsSender(string folder, TimeProvider clock, ILogger<FolderSmsSender> log) : ISmsSender
{
    public async Task SendAsync(string phone, string text, CancellationToken cancellationToken = default)
    {
        Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{clock.GetUtcNow():yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.txt");
        await File.WriteAllTextAsync(path, $"To: {phone}\n\n{text}\n", Encoding.UTF8, cancellationToken);
        log.LogInformation("SMS to {Phone} written to {Path}", phone, path);
    }
}

/// <summary>A deployment without an SMS provider: every message fails with a clear reason in the delivery log.</summary>
public sealed class UnconfiguredSmsSender : ISmsSender
{
    public Task SendAsync(string phone, string text, CancellationToken cancellationToken = default) => throw new SmsNotConfiguredException();
}
