using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AfterSales.Modules.Service;

/// <summary><c>GET /files/requests/{attachmentId}</c> (under <c>/t/{tenant}</c>): an attachment for the staff, by their sign-in cookie.</summary>
internal static class AttachmentDownload
{
    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet("/files/requests/{attachmentId:guid}", DownloadAsync).RequireAuthorization(Policies.Staff).ExcludeFromDescription();

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        Guid attachmentId, RequestAttachments attachments, HttpResponse response, CancellationToken cancellationToken) =>
        await attachments.OpenAsync(attachmentId, cancellationToken: cancellationToken) is { } file ? Send(file, response) : TypedResults.NotFound();

    /// <summary>
    /// Always as a download, as the type worked out from the extension on upload, and never sniffed: a file a customer sent cannot
    /// run as a page of our origin, whatever it really contains.
    /// </summary>
    public static FileStreamHttpResult Send(AttachmentContent file, HttpResponse response)
    {
        response.Headers.XContentTypeOptions = "nosniff";
        response.Headers.CacheControl = "private, no-store";
        return TypedResults.File(file.Content, file.ContentType, file.FileName, enableRangeProcessing: true);
    }
}
