using System.Globalization;
using System.Text;

namespace AfterSales.Modules.Service;

/// <summary>
/// What makes an uploaded file acceptable: a clean name, an allowed extension, a declared type that fits it, a size within the limit.
/// Errors are text keys (ServiceText) with their arguments.
/// </summary>
public static class AttachmentRules
{
    public const int FileNameLength = 200;

    /// <summary>The type each known extension is stored and served as.</summary>
    private static readonly Dictionary<string, string> Types = new(StringComparer.Ordinal)
    {
        ["jpg"] = "image/jpeg",
        ["jpeg"] = "image/jpeg",
        ["png"] = "image/png",
        ["gif"] = "image/gif",
        ["webp"] = "image/webp",
        ["heic"] = "image/heic",
        ["pdf"] = "application/pdf",
        ["doc"] = "application/msword",
        ["docx"] = "application/vnd.openxmlformats-officedocument.wordprocessingml.document",
        ["xls"] = "application/vnd.ms-excel",
        ["xlsx"] = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        ["ppt"] = "application/vnd.ms-powerpoint",
        ["pptx"] = "application/vnd.openxmlformats-officedocument.presentationml.presentation",
        ["txt"] = "text/plain",
        ["csv"] = "text/csv",
        ["zip"] = "application/zip",
        ["mp4"] = "video/mp4",
    };

    /// <summary>Other types browsers and tools really send for these extensions (Windows sends csv as an Excel file, Office files are zips).</summary>
    private static readonly Dictionary<string, string[]> Aliases = new(StringComparer.Ordinal)
    {
        ["jpg"] = ["image/pjpeg"],
        ["jpeg"] = ["image/pjpeg"],
        ["png"] = ["image/x-png"],
        ["heic"] = ["image/heif", "image/heic-sequence", "image/heif-sequence"],
        ["docx"] = ["application/zip"],
        ["xlsx"] = ["application/zip"],
        ["pptx"] = ["application/zip"],
        ["csv"] = ["text/plain", "text/x-csv", "application/csv", "text/comma-separated-values", "application/vnd.ms-excel"],
        ["zip"] = ["application/x-zip-compressed", "application/x-zip", "multipart/x-zip"],
        ["mp4"] = ["application/mp4"],
    };

    /// <summary>What a client sends when it does not know the type (curl, HEIC on Windows): it says nothing, so the extension decides.</summary>
    private static readonly HashSet<string> Unknown = new(StringComparer.Ordinal) { "", "application/octet-stream", "binary/octet-stream", "application/unknown" };

    /// <summary>
    /// The name to keep: the last path segment only (browsers and tools may send <c>C:\fakepath\x.jpg</c> or <c>../x.jpg</c>), without
    /// control and invisible format characters (a right-to-left override shows <c>photo‮gpj.exe</c> as <c>photoexe.jpg</c>) or
    /// characters Windows refuses when the user saves it, at most <see cref="FileNameLength"/> characters with the extension kept.
    /// The name never becomes a path on the server: the store chooses its own keys.
    /// </summary>
    public static string SafeFileName(string? name)
    {
        var last = (name ?? "").Replace('\\', '/');
        last = last[(last.LastIndexOf('/') + 1)..];
        var kept = new StringBuilder(last.Length);
        foreach (var c in last)
        {
            if (!char.IsControl(c) && CharUnicodeInfo.GetUnicodeCategory(c) != UnicodeCategory.Format && "<>:\"|?*".IndexOf(c) < 0)
            {
                kept.Append(c);
            }
        }

        var clean = kept.ToString().Trim().TrimEnd('.', ' ');
        if (clean.Length <= FileNameLength)
        {
            return clean;
        }

        var extension = Path.GetExtension(clean);
        extension = extension.Length <= 16 ? extension : "";
        var cut = FileNameLength - extension.Length;
        if (char.IsHighSurrogate(clean[cut - 1]))
        {
            cut--;
        }

        return clean[..cut].TrimEnd() + extension;
    }

    /// <summary>Lower case, without the dot; empty when the name has none.</summary>
    public static string ExtensionOf(string fileName) => Path.GetExtension(fileName).TrimStart('.').ToLowerInvariant();

    /// <summary>The type a file is stored and served as, from its extension alone.</summary>
    public static string ContentTypeOf(string fileName) => Types.GetValueOrDefault(ExtensionOf(fileName), "application/octet-stream");

    /// <summary>
    /// Checks what is known before the content is read: the name, the type the client declared and the size it announced
    /// (null when unknown; the content is measured again while it is stored).
    /// </summary>
    public static AttachmentProblem? Check(string? fileName, string? declaredType, long? size, AttachmentLimits limits)
    {
        var name = SafeFileName(fileName);
        var extension = ExtensionOf(name);
        if (name.Length == 0 || name.Length == extension.Length + 1)
        {
            return new AttachmentProblem(fileName ?? "", "Validation.AttachmentName", [fileName ?? ""]);
        }

        if (!limits.Allows(extension))
        {
            return new AttachmentProblem(name, "Validation.AttachmentType", [name, string.Join(", ", limits.AllowedExtensions)]);
        }

        var declared = MediaType(declaredType);
        if (!Unknown.Contains(declared) && declared != ContentTypeOf(name) && !Aliases.GetValueOrDefault(extension, []).Contains(declared))
        {
            return new AttachmentProblem(name, "Validation.AttachmentContentType", [name, declared]);
        }

        return size switch
        {
            0 => Empty(name),
            > 0 when size > limits.MaxBytes => TooLarge(name, limits),
            _ => null,
        };
    }

    public static AttachmentProblem TooLarge(string fileName, AttachmentLimits limits) =>
        new(fileName, "Validation.AttachmentTooLarge", [fileName, AttachmentLimits.FormatSize(limits.MaxBytes)]);

    public static AttachmentProblem Empty(string fileName) => new(fileName, "Validation.AttachmentEmpty", [fileName]);

    // "text/plain; charset=utf-8" is text/plain.
    private static string MediaType(string? declared) => (declared ?? "").Split(';', 2)[0].Trim().ToLowerInvariant();
}
