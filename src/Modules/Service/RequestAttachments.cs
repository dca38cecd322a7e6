using AfterSales.Modules.Shared;
using AfterSales.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Service;

/// <summary>
/// Files attached to service requests, for the request's page, the staff download and the API. Every lookup goes through the tenant's
/// filtered context, so another tenant's request or attachment is simply not found; the content goes to the <see cref="IFileStore"/>.
/// </summary>
public sealed class RequestAttachments(
    IDbFactory<IServiceDb> dbFactory, IFileStore files, AttachmentLimits limits, ITenantContext tenantContext, TimeProvider clock,
    ILogger<RequestAttachments> logger, IPlanAllowance plan)
{
    /// <summary>The folder of this feature in each tenant's part of the store.</summary>
    private const string Area = "requests";

    public AttachmentLimits Limits => limits;

    /// <summary>The request's id by its number, or null when the tenant has no such request.</summary>
    public async Task<Guid?> FindRequestAsync(string number, CancellationToken cancellationToken = default)
    {
        var normalized = number.Trim().ToUpperInvariant();
        using var db = dbFactory.Create();
        return await db.ServiceRequests.Where(r => r.Number == normalized).Select(r => (Guid?)r.Id).FirstOrDefaultAsync(cancellationToken);
    }

    /// <summary>A file's problem as far as it is known before its content is read: the page checks before it uploads anything.</summary>
    public AttachmentProblem? Check(string? fileName, string? contentType, long? size) => AttachmentRules.Check(fileName, contentType, size, limits);

    /// <summary>The request's attachments, oldest first.</summary>
    public async Task<IReadOnlyList<AttachmentView>> ListAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        return await db.RequestAttachments.AsNoTracking().Where(a => a.ServiceRequestId == requestId)
            .OrderBy(a => a.UploadedAt).ThenBy(a => a.FileName)
            .Select(a => new AttachmentView(a.Id, a.ServiceRequestId, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedById, a.UploadedBy))
            .ToListAsync(cancellationToken);
    }

    /// <summary>
    /// Attaches <paramref name="uploads"/> to the request, all or none: every file is checked first, then stored, then the rows and
    /// their timeline events are saved together. Whatever fails after a file was stored removes it again, so no file is ever kept
    /// without its row. <paramref name="progress"/> hears the bytes stored so far, over all the files.
    /// </summary>
    public async Task<AttachmentAddResult> AddAsync(
        Guid requestId, IReadOnlyList<AttachmentUpload> uploads, RequestActor actor, IProgress<long>? progress = null, CancellationToken cancellationToken = default)
    {
        if (uploads.Count == 0)
        {
            return AttachmentAddResult.Refused(new AttachmentProblem("", "Validation.AttachmentNone", []));
        }

        if (uploads.Count > AttachmentLimits.FilesPerUpload)
        {
            return AttachmentAddResult.Refused(new AttachmentProblem("", "Validation.AttachmentsAtOnce", [AttachmentLimits.FilesPerUpload]));
        }

        var problems = uploads.Select(u => Check(u.FileName, u.ContentType, u.Size)).OfType<AttachmentProblem>().ToArray();
        if (problems.Length > 0)
        {
            return AttachmentAddResult.Refused(problems);
        }

        using var db = dbFactory.Create();
        if (!await db.ServiceRequests.AnyAsync(r => r.Id == requestId, cancellationToken))
        {
            return new AttachmentAddResult(AttachmentStatus.NotFound, [], []);
        }

        // Two uploads at the same moment may pass this together and end one or two files over: the limit is about
        // keeping requests manageable, not an exact quota.
        var existing = await db.RequestAttachments.CountAsync(a => a.ServiceRequestId == requestId, cancellationToken);
        if (existing + uploads.Count > limits.MaxFilesPerRequest)
        {
            return AttachmentAddResult.Refused(new AttachmentProblem("", "Validation.AttachmentsPerRequest",
                [limits.MaxFilesPerRequest, Math.Max(0, limits.MaxFilesPerRequest - existing)]));
        }

        // The sizes the client declared spare an upload that cannot fit; the stored sizes are checked again below.
        if (await plan.StorageRefusalAsync(uploads.Sum(u => u.Size ?? 0), cancellationToken) is { } full)
        {
            return AttachmentAddResult.Refused(PlanLimit(full));
        }

        var tenantId = tenantContext.Tenant?.Id ?? throw new InvalidOperationException("Attachments belong to a tenant; there is none in this scope.");
        var stored = new List<(string Name, StoredFile File)>();
        try
        {
            var before = 0L;
            foreach (var upload in uploads)
            {
                var name = AttachmentRules.SafeFileName(upload.FileName);
                StoredFile file;
                try
                {
                    await using var content = upload.Open();
                    await using var metered = new MeteredStream(content, limits.MaxBytes, progress, before);
                    file = await files.SaveAsync(tenantId, Area, metered, cancellationToken);
                }
                catch (AttachmentTooLargeException)
                {
                    await RemoveAsync(stored.Select(s => s.File.Key));
                    return AttachmentAddResult.Refused(AttachmentRules.TooLarge(name, limits));
                }

                stored.Add((name, file));
                if (file.Length == 0)
                {
                    await RemoveAsync(stored.Select(s => s.File.Key));
                    return AttachmentAddResult.Refused(AttachmentRules.Empty(name));
                }

                before += file.Length;
            }

            if (await plan.StorageRefusalAsync(before, cancellationToken) is { } over)
            {
                await RemoveAsync(stored.Select(s => s.File.Key));
                return AttachmentAddResult.Refused(PlanLimit(over));
            }

            var now = clock.GetUtcNow();
            var added = stored.Select(s => new RequestAttachment
            {
                ServiceRequestId = requestId, FileName = s.Name, ContentType = AttachmentRules.ContentTypeOf(s.Name), Size = s.File.Length,
                StorageKey = s.File.Key, UploadedAt = now, UploadedById = actor.UserId, UploadedBy = actor.Name,
            }).ToList();
            foreach (var attachment in added)
            {
                db.RequestAttachments.Add(attachment);
                db.RequestEvents.Add(Event(attachment, RequestEventKind.AttachmentAdded, now, actor));
            }

            await db.SaveChangesAsync(cancellationToken);
            return new AttachmentAddResult(AttachmentStatus.Added, added.Select(View).ToList(), []);
        }
        catch
        {
            // The rows were not saved (or a later file broke off): the files stored so far would be orphans no one can list or delete.
            await RemoveAsync(stored.Select(s => s.File.Key));
            throw;
        }
    }

    /// <summary>The attachment's content, or null when the tenant has no such attachment (on <paramref name="requestId"/>, if given).</summary>
    public async Task<AttachmentContent?> OpenAsync(Guid attachmentId, Guid? requestId = null, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var attachment = await db.RequestAttachments.AsNoTracking()
            .FirstOrDefaultAsync(a => a.Id == attachmentId && (requestId == null || a.ServiceRequestId == requestId), cancellationToken);
        if (attachment is null)
        {
            return null;
        }

        var content = await files.OpenReadAsync(attachment.StorageKey, cancellationToken);
        if (content is null)
        {
            logger.LogError("Attachment {AttachmentId} ({FileName}) has no content under {StorageKey}", attachment.Id, attachment.FileName, attachment.StorageKey);
            return null;
        }

        return new AttachmentContent(content, attachment.FileName, attachment.ContentType, attachment.Size);
    }

    /// <summary>Who may remove an attachment: whoever uploaded it, and the service manager and the tenant admin for anyone's.</summary>
    public static bool CanDelete(string? uploadedById, RequestActor actor) =>
        (actor.UserId is not null && actor.UserId == uploadedById) || actor.Roles.Contains(Roles.Manager) || actor.Roles.Contains(Roles.TenantAdmin);

    /// <summary>Removes an attachment: the row and its timeline event first, then the file.</summary>
    public async Task<ActionResult> DeleteAsync(Guid attachmentId, RequestActor actor, CancellationToken cancellationToken = default)
    {
        using var db = dbFactory.Create();
        var attachment = await db.RequestAttachments.FirstOrDefaultAsync(a => a.Id == attachmentId, cancellationToken);
        if (attachment is null)
        {
            return new ActionResult(ActionStatus.NotFound);
        }

        if (!CanDelete(attachment.UploadedById, actor))
        {
            return new ActionResult(ActionStatus.NotAllowed);
        }

        db.RequestAttachments.Remove(attachment);
        db.RequestEvents.Add(Event(attachment, RequestEventKind.AttachmentRemoved, clock.GetUtcNow(), actor));
        await db.SaveChangesAsync(cancellationToken);
        // After the row: a file left without its row only wastes space, a row left without its file would be a broken link.
        await RemoveAsync([attachment.StorageKey]);
        return new ActionResult(ActionStatus.Done);
    }

    /// <summary>The plan's storage refusal; its one argument is the whole message, with the billing page's address in it.</summary>
    public static AttachmentProblem PlanLimit(PlanRefusal refusal) => new("", PlanLimitKey, [refusal.Message]);

    public const string PlanLimitKey = "Validation.PlanLimit";

    // Internal to staff: the customer's portal cannot open staff attachments, so it is not told about them.
    private static RequestEvent Event(RequestAttachment attachment, RequestEventKind kind, DateTimeOffset at, RequestActor actor) =>
        RequestEvent.Of(actor, attachment.ServiceRequestId, at, kind, attachment.FileName);

    private static AttachmentView View(RequestAttachment a) =>
        new(a.Id, a.ServiceRequestId, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedById, a.UploadedBy);

    // Best effort, and never cancelled: it cleans up after a failure, whose exception matters more than this one.
    private async Task RemoveAsync(IEnumerable<string> keys)
    {
        foreach (var key in keys.ToList())
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
}
