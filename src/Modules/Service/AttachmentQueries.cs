namespace AfterSales.Modules.Service;

/// <summary>An attachment as the request's page and the API list it.</summary>
public sealed record AttachmentView(
    Guid Id, Guid ServiceRequestId, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string? UploadedById, string? UploadedBy);

/// <summary>
/// A file to attach: its name and type as the client sent them, its size if announced, and how to open its content, which is
/// read once, when its turn comes (a browser file is streamed from the browser only then).
/// </summary>
public sealed record AttachmentUpload(string? FileName, string? ContentType, long? Size, Func<Stream> Open);

/// <summary>Why a file was refused: a ServiceText key and its arguments, the first of which is the file's name.</summary>
public sealed record AttachmentProblem(string FileName, string ErrorKey, object[] Args);

public enum AttachmentStatus
{
    Added,

    /// <summary>At least one file was refused; none of the upload was kept.</summary>
    Invalid,

    /// <summary>No such request in this tenant.</summary>
    NotFound,
}

public sealed record AttachmentAddResult(AttachmentStatus Status, IReadOnlyList<AttachmentView> Added, IReadOnlyList<AttachmentProblem> Problems)
{
    public static AttachmentAddResult Refused(params AttachmentProblem[] problems) => new(AttachmentStatus.Invalid, [], problems);
}

/// <summary>An attachment's content to send: the caller disposes the stream.</summary>
public sealed record AttachmentContent(Stream Content, string FileName, string ContentType, long Size);
