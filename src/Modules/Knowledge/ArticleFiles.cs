using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// Images and attachments of articles. Uploads follow the request attachments' rules (<see cref="AttachmentRules"/>): a clean name, an
/// allowed extension whose type fits, a size within the limit, measured while stored. Images are further held to what a browser
/// shows without running anything (PNG, JPEG, GIF, WebP, checked by their first bytes; never SVG), because they are served inline.
/// </summary>
public sealed class ArticleFiles(
    IDbFactory<IKnowledgeDb> dbFactory, IFileStore files, AttachmentLimits attachmentLimits, ITenantContext tenantContext, TimeProvider clock,
    ILogger<ArticleFiles> logger, IPlanAllowance plan)
{
    /// <summary>The folder of this feature in each tenant's part of the store.</summary>
    private const string Area = "knowledge";

    public const long MaxImageBytes = 5L * 1024 * 1024;
    public const int MaxFilesPerArticle = 30;

    /// <summary>What an image in the text may be: a format that carries no script of its own.</summary>
    public static readonly AttachmentLimits ImageLimits = new(MaxImageBytes, ["png", "jpg", "jpeg", "gif", "webp"], MaxFilesPerArticle);

    /// <summary>Attachments: the request attachments' configured types and size.</summary>
    public AttachmentLimits AttachmentLimits { get; } = new(attachmentLimits.MaxBytes, attachmentLimits.AllowedExtensions, MaxFilesPerArticle);

    public AttachmentLimits LimitsFor(ArticleFileKind kind) => kind == ArticleFileKind.Image ? ImageLimits : AttachmentLimits;

    /// <summary>What can be told before a byte is read: the editor checks before it uploads.</summary>
    public AttachmentProblem? Check(ArticleFileKind kind, string? fileName, string? contentType, long? size) =>
        AttachmentRules.Check(fileName, contentType, size, LimitsFor(kind));

    /// <summary>The article's files, images first, then attachments, oldest first.</summary>
    public async Task<IReadOnlyList<ArticleFileView>> ListAsync(Guid articleId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.ArticleFiles.AsNoTracking().Where(f => f.ArticleId == articleId)
            .OrderBy(f => f.Kind).ThenBy(f => f.UploadedAt).ThenBy(f => f.FileName)
            .Select(f => new ArticleFileView(f.Id, f.ArticleId, f.Kind, f.FileName, f.ContentType, f.Size, f.UploadedAt, f.UploadedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>Stores one file for an article; on any refusal or failure nothing is kept, neither row nor content.</summary>
    public async Task<ArticleFileResult> AddAsync(
        Guid articleId, ArticleFileKind kind, AttachmentUpload upload, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsServiceDesk)
        {
            return new ArticleFileResult(ArticleSaveStatus.NotAllowed);
        }

        var limits = LimitsFor(kind);
        if (Check(kind, upload.FileName, upload.ContentType, upload.Size) is { } problem)
        {
            return ArticleFileResult.Refused(problem);
        }

        using var db = dbFactory.Create();
        if (!await db.KnowledgeArticles.AnyAsync(a => a.Id == articleId, cancellationToken))
        {
            return new ArticleFileResult(ArticleSaveStatus.NotFound);
        }

        if (await db.ArticleFiles.CountAsync(f => f.ArticleId == articleId, cancellationToken) >= MaxFilesPerArticle)
        {
            return ArticleFileResult.Refused(new AttachmentProblem("", "Files.TooMany", [MaxFilesPerArticle]));
        }

        if (await plan.StorageRefusalAsync(upload.Size ?? 0, cancellationToken) is { } full)
        {
            return ArticleFileResult.Refused(RequestAttachments.PlanLimit(full));
        }

        var tenantId = tenantContext.Tenant?.Id ?? throw new InvalidOperationException("Article files belong to a tenant; there is none in this scope.");
        var name = AttachmentRules.SafeFileName(upload.FileName);
        StoredFile? stored = null;
        try
        {
            await using (var content = upload.Open())
            await using (var metered = new MeteredStream(content, limits.MaxBytes, null, 0))
            {
                if (kind == ArticleFileKind.Image)
                {
                    // Small enough to hold: the first bytes decide whether it really is the image its name says.
                    using var buffer = new MemoryStream();
                    await metered.CopyToAsync(buffer, cancellationToken);
                    if (buffer.Length > 0 && !ImageSignature.Matches(AttachmentRules.ExtensionOf(name), buffer.GetBuffer().AsSpan(0, (int)Math.Min(16, buffer.Length))))
                    {
                        return ArticleFileResult.Refused(new AttachmentProblem(name, "Files.NotAnImage", [name]));
                    }

                    buffer.Position = 0;
                    stored = await files.SaveAsync(tenantId, Area, buffer, cancellationToken);
                }
                else
                {
                    stored = await files.SaveAsync(tenantId, Area, metered, cancellationToken);
                }
            }

            if (stored.Length == 0)
            {
                await RemoveAsync(stored.Key);
                return ArticleFileResult.Refused(AttachmentRules.Empty(name));
            }

            if (await plan.StorageRefusalAsync(stored.Length, cancellationToken) is { } over)
            {
                await RemoveAsync(stored.Key);
                return ArticleFileResult.Refused(RequestAttachments.PlanLimit(over));
            }

            var file = new ArticleFile
            {
                ArticleId = articleId, Kind = kind, FileName = name, ContentType = AttachmentRules.ContentTypeOf(name), Size = stored.Length,
                StorageKey = stored.Key, UploadedAt = clock.GetUtcNow(), UploadedBy = actor.Name,
            };
            db.ArticleFiles.Add(file);
            await db.SaveChangesAsync(cancellationToken);
            return new ArticleFileResult(ArticleSaveStatus.Saved, View(file));
        }
        catch (AttachmentTooLargeException)
        {
            if (stored is not null)
            {
                await RemoveAsync(stored.Key);
            }

            return ArticleFileResult.Refused(AttachmentRules.TooLarge(name, limits));
        }
        catch
        {
            // The row was not saved: the content would be an orphan no one can list or delete.
            if (stored is not null)
            {
                await RemoveAsync(stored.Key);
            }

            throw;
        }
    }

    /// <summary>
    /// A file's content for <paramref name="reader"/>, or null when the tenant has no such file or the reader may not see its article:
    /// the service desk sees every article's files, other staff those of published articles, anyone those of published public ones.
    /// </summary>
    public async Task<ArticleFileContent?> OpenAsync(Guid fileId, ArticleReader reader, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var found = await db.ArticleFiles.AsNoTracking().Where(f => f.Id == fileId)
            .Join(db.KnowledgeArticles, f => f.ArticleId, a => a.Id, (f, a) => new { File = f, a.State, a.Visibility })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null || !reader.MaySee(found.State, found.Visibility))
        {
            return null;
        }

        var content = await files.OpenReadAsync(found.File.StorageKey, cancellationToken);
        if (content is null)
        {
            logger.LogError("Article file {FileId} ({FileName}) has no content under {StorageKey}", found.File.Id, found.File.FileName, found.File.StorageKey);
            return null;
        }

        return new ArticleFileContent(content, found.File.FileName, found.File.ContentType, found.File.Size, found.File.Kind,
            found.State == ArticleState.Published && found.Visibility == ArticleVisibility.Public);
    }

    /// <summary>Removes a file: the row first, then the content. An image still named in the text then shows as missing.</summary>
    public async Task<ArticleSaveStatus> DeleteAsync(Guid fileId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        if (!actor.IsServiceDesk)
        {
            return ArticleSaveStatus.NotAllowed;
        }

        using var db = dbFactory.Create();
        var file = await db.ArticleFiles.FirstOrDefaultAsync(f => f.Id == fileId, cancellationToken);
        if (file is null)
        {
            return ArticleSaveStatus.NotFound;
        }

        db.ArticleFiles.Remove(file);
        await db.SaveChangesAsync(cancellationToken);
        // After the row: a file left without its row only wastes space, a row left without its file would be a broken link.
        await RemoveAsync(file.StorageKey);
        return ArticleSaveStatus.Saved;
    }

    /// <summary>The Markdown that shows an uploaded image in the text.</summary>
    public static string ImageMarkdown(ArticleFileView image) =>
        $"![{System.Text.RegularExpressions.Regex.Replace(Path.GetFileNameWithoutExtension(image.FileName), @"[\[\]\r\n]", " ")}]({ArticleMarkdown.ImagePath}{image.Id})";

    private static ArticleFileView View(ArticleFile f) => new(f.Id, f.ArticleId, f.Kind, f.FileName, f.ContentType, f.Size, f.UploadedAt, f.UploadedBy);

    // Best effort, and never cancelled: it cleans up after a failure, whose exception matters more than this one.
    private async Task RemoveAsync(string key)
    {
        try
        {
            await files.DeleteAsync(key, CancellationToken.None);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            logger.LogWarning(ex, "Could not remove the stored file {StorageKey}; it is kept without a row", key);
        }
    }
}

/// <summary>Who asks for an article's file: staff of the tenant (and whether on the service desk), or anyone else.</summary>
public sealed record ArticleReader(bool IsStaff, bool IsServiceDesk)
{
    public static readonly ArticleReader Anonymous = new(false, false);

    public bool MaySee(ArticleState state, ArticleVisibility visibility) =>
        (IsStaff && (IsServiceDesk || state == ArticleState.Published)) || (state == ArticleState.Published && visibility == ArticleVisibility.Public);
}

public sealed record ArticleFileView(Guid Id, Guid ArticleId, ArticleFileKind Kind, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string? UploadedBy);

/// <param name="IsPublic">Of a published public article: a shared cache may keep it.</param>
public sealed record ArticleFileContent(Stream Content, string FileName, string ContentType, long Size, ArticleFileKind Kind, bool IsPublic);

public sealed record ArticleFileResult(ArticleSaveStatus Status, ArticleFileView? File = null, AttachmentProblem? Problem = null)
{
    public static ArticleFileResult Refused(AttachmentProblem problem) => new(ArticleSaveStatus.Invalid, null, problem);
}

/// <summary>The first bytes each image format starts with.</summary>
internal static class ImageSignature
{
    public static bool Matches(string extension, ReadOnlySpan<byte> head) => extension switch
    {
        "png" => head.StartsWith((ReadOnlySpan<byte>)[0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]),
        "jpg" or "jpeg" => head.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xD8, 0xFF]),
        "gif" => head.StartsWith("GIF87a"u8) || head.StartsWith("GIF89a"u8),
        "webp" => head.Length >= 12 && head.StartsWith("RIFF"u8) && head[8..12].SequenceEqual("WEBP"u8),
        _ => false,
    };
}
