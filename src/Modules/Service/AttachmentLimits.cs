using System.Globalization;
using System.Text.RegularExpressions;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Modules.Service;

/// <summary>What a request accepts as attachments: configuration section <c>Attachments</c>, the same for every tenant.</summary>
public sealed partial class AttachmentLimits
{
    public const string Section = "Attachments";
    public const long DefaultMaxBytes = 20L * 1024 * 1024;
    public const int DefaultMaxFilesPerRequest = 50;

    /// <summary>Files in one upload (one pick in the browser, one API call): it bounds the size of one HTTP request body.</summary>
    public const int FilesPerUpload = 10;

    /// <summary>Photos (HEIC is what iPhones take), documents, office files, text and tables, archives and video.</summary>
    public static readonly IReadOnlyList<string> DefaultExtensions =
        ["jpg", "jpeg", "png", "gif", "webp", "heic", "pdf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "txt", "csv", "zip", "mp4"];

    private readonly HashSet<string> _allowed;

    public AttachmentLimits(long maxBytes = DefaultMaxBytes, IEnumerable<string>? allowedExtensions = null, int maxFilesPerRequest = DefaultMaxFilesPerRequest)
    {
        if (maxBytes < 1 || maxFilesPerRequest < 1)
        {
            throw new InvalidOperationException($"{Section}:MaxBytes and {Section}:MaxFilesPerRequest must be at least 1.");
        }

        var extensions = (allowedExtensions ?? DefaultExtensions).Select(e => e.Trim().TrimStart('.').ToLowerInvariant()).Where(e => e.Length > 0).Distinct().ToList();
        if (extensions.Count == 0 || extensions.Any(e => !ExtensionPattern().IsMatch(e)))
        {
            throw new InvalidOperationException($"{Section}:AllowedExtensions must list extensions like jpg,pdf; '{string.Join(",", extensions)}' does not.");
        }

        MaxBytes = maxBytes;
        MaxFilesPerRequest = maxFilesPerRequest;
        AllowedExtensions = extensions;
        _allowed = [.. extensions];
    }

    /// <summary>The largest file, in bytes.</summary>
    public long MaxBytes { get; }

    /// <summary>Lower case, without the dot, in the configured order.</summary>
    public IReadOnlyList<string> AllowedExtensions { get; }

    public int MaxFilesPerRequest { get; }

    /// <summary>The value of a file input's <c>accept</c>: <c>.jpg,.png,…</c>.</summary>
    public string Accept => string.Join(",", AllowedExtensions.Select(e => "." + e));

    public bool Allows(string extension) => _allowed.Contains(extension);

    /// <summary>
    /// Reads the section. <c>AllowedExtensions</c> is either a comma-separated list (handy in an environment variable,
    /// <c>Attachments__AllowedExtensions=jpg,png,pdf</c>) or a JSON array; set, it replaces the defaults rather than adding to them.
    /// </summary>
    public static AttachmentLimits From(IConfiguration configuration)
    {
        var section = configuration.GetSection(Section);
        var extensions = section.GetSection("AllowedExtensions");
        IReadOnlyList<string>? list = extensions.Value is { } text
            ? text.Split([',', ';', ' '], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            : extensions.GetChildren().Select(c => c.Value ?? "").ToList() is { Count: > 0 } items ? items : null;
        return new AttachmentLimits(
            section.GetValue("MaxBytes", DefaultMaxBytes), list, section.GetValue("MaxFilesPerRequest", DefaultMaxFilesPerRequest));
    }

    /// <summary>A size as people read it: 850 B, 97.7 KB, 20 MB.</summary>
    public static string FormatSize(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => (bytes / 1024.0).ToString("0.#", CultureInfo.InvariantCulture) + " KB",
        < 1024L * 1024 * 1024 => (bytes / 1048576.0).ToString("0.#", CultureInfo.InvariantCulture) + " MB",
        _ => (bytes / 1073741824.0).ToString("0.##", CultureInfo.InvariantCulture) + " GB",
    };

    [GeneratedRegex("^[a-z0-9]{1,10}$")]
    private static partial Regex ExtensionPattern();
}
