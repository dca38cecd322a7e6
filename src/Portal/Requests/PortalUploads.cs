using AfterSales.Modules.Service;
using Microsoft.Extensions.Configuration;

namespace AfterSales.Portal.Requests;

/// <summary>A file a customer attached to the portal's request form.</summary>
public sealed record PortalUpload(string FileName, long Length, Func<Stream> Open);

/// <summary>Why a customer's file was refused: a PortalText key and its arguments, the first of which is the file's name.</summary>
public sealed record UploadProblem(string FileName, string ErrorKey, object[] Args);

/// <summary>
/// What a customer may attach on the portal: photos and PDFs only, fewer and smaller than staff may (<c>Portal:MaxAttachments</c>,
/// 5 by default; <c>Portal:MaxAttachmentBytes</c>, 10 MB by default and never more than the staff limit). Anyone with an account can
/// upload, so the content must be what the name says: the first bytes are read and compared with the format's signature, and a
/// renamed executable or page is refused before anything is stored.
/// </summary>
public sealed class PortalUploads
{
    public const int DefaultMaxFiles = 5;
    public const long DefaultMaxBytes = 10L * 1024 * 1024;

    /// <summary>Extensions a customer may attach, each with the signature its content starts with.</summary>
    public static readonly IReadOnlyList<string> Extensions = ["jpg", "jpeg", "png", "gif", "webp", "heic", "pdf"];

    public PortalUploads(IConfiguration configuration, AttachmentLimits staffLimits)
    {
        MaxFiles = Math.Clamp(configuration.GetValue("Portal:MaxAttachments", DefaultMaxFiles), 1, AttachmentLimits.FilesPerUpload);
        MaxBytes = Math.Clamp(configuration.GetValue("Portal:MaxAttachmentBytes", DefaultMaxBytes), 1, staffLimits.MaxBytes);
        Allowed = Extensions.Where(staffLimits.Allows).ToList();
    }

    public int MaxFiles { get; }

    public long MaxBytes { get; }

    /// <summary>The portal's extensions the staff limits allow too (the files end up among the request's attachments).</summary>
    public IReadOnlyList<string> Allowed { get; }

    /// <summary>The value of the file input's <c>accept</c>.</summary>
    public string Accept => string.Join(",", Allowed.Select(e => "." + e));

    /// <summary>Every problem of <paramref name="uploads"/>; empty when all of them may be stored.</summary>
    public async Task<IReadOnlyList<UploadProblem>> CheckAsync(IReadOnlyList<PortalUpload> uploads, CancellationToken cancellationToken = default)
    {
        if (uploads.Count > MaxFiles)
        {
            return [new UploadProblem("", "Upload.TooMany", [MaxFiles])];
        }

        var problems = new List<UploadProblem>();
        foreach (var upload in uploads)
        {
            var name = AttachmentRules.SafeFileName(upload.FileName);
            var extension = AttachmentRules.ExtensionOf(name);
            if (name.Length == 0 || !Allowed.Contains(extension))
            {
                problems.Add(new UploadProblem(name, "Upload.Type", [name, string.Join(", ", Allowed)]));
            }
            else if (upload.Length == 0)
            {
                problems.Add(new UploadProblem(name, "Upload.Empty", [name]));
            }
            else if (upload.Length > MaxBytes)
            {
                problems.Add(new UploadProblem(name, "Upload.TooLarge", [name, AttachmentLimits.FormatSize(MaxBytes)]));
            }
            else if (!await MatchesAsync(upload, extension, cancellationToken))
            {
                problems.Add(new UploadProblem(name, "Upload.Content", [name]));
            }
        }

        return problems;
    }

    /// <summary>True when the file's first bytes are the signature of the format its extension names.</summary>
    public static async Task<bool> MatchesAsync(PortalUpload upload, string extension, CancellationToken cancellationToken = default)
    {
        var head = new byte[16];
        var read = 0;
        await using (var stream = upload.Open())
        {
            while (read < head.Length && await stream.ReadAsync(head.AsMemory(read), cancellationToken) is > 0 and var n)
            {
                read += n;
            }
        }

        var bytes = head.AsSpan(0, read);
        return extension switch
        {
            "jpg" or "jpeg" => bytes.StartsWith((byte[])[0xFF, 0xD8, 0xFF]),
            "png" => bytes.StartsWith((byte[])[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
            "gif" => bytes.StartsWith("GIF87a"u8) || bytes.StartsWith("GIF89a"u8),
            "webp" => bytes.Length >= 12 && bytes.StartsWith("RIFF"u8) && bytes[8..12].SequenceEqual("WEBP"u8),
            // ISO media: a box named "ftyp" at offset 4, then a brand of the HEIF family.
            "heic" => bytes.Length >= 12 && bytes[4..8].SequenceEqual("ftyp"u8) && HeifBrands.Contains(System.Text.Encoding.ASCII.GetString(bytes[8..12])),
            "pdf" => bytes.StartsWith("%PDF-"u8),
            _ => false,
        };
    }

    private static readonly HashSet<string> HeifBrands = new(StringComparer.Ordinal) { "heic", "heix", "hevc", "hevx", "heim", "heis", "mif1", "msf1" };
}
