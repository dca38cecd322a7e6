using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace AfterSales.Modules.Knowledge;

/// <summary>
/// <c>GET /files/knowledge/{fileId}</c> (under <c>/t/{tenant}</c>): an article's image or attachment. Open to anyone, because a public
/// article's images must show on the customer portal; the article decides (<see cref="ArticleReader"/>), and whatever the caller may
/// not see is simply not found, so an internal article does not even reveal that it exists.
/// </summary>
internal static class ArticleFileDownload
{
    public const string Path = "/files/knowledge/{fileId:guid}";

    public static void Map(IEndpointRouteBuilder app) =>
        app.MapGet(Path, DownloadAsync).AllowAnonymous().ExcludeFromDescription();

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        Guid fileId, HttpContext context, ArticleFiles files, IAuthorizationService authorization, CancellationToken cancellationToken)
    {
        // The Staff policy also checks that the signed-in user belongs to this tenant.
        var isStaff = (await authorization.AuthorizeAsync(context.User, Policies.Staff)).Succeeded;
        var reader = isStaff
            ? new ArticleReader(true, new RequestActor(null, null, context.User.FindAll(System.Security.Claims.ClaimTypes.Role).Select(c => c.Value).ToHashSet(StringComparer.Ordinal)).IsServiceDesk)
            : ArticleReader.Anonymous;
        if (await files.OpenAsync(fileId, reader, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        var headers = context.Response.Headers;
        headers.XContentTypeOptions = "nosniff";
        // Only what anyone may read may sit in a shared cache; an internal image must be asked for again by whoever shows it.
        headers.CacheControl = file.IsPublic ? "public, max-age=300" : "private, no-store";
        if (file.Kind == ArticleFileKind.Image)
        {
            // Inline, so an <img> shows it: its type was checked against its first bytes and is never one that runs script.
            return TypedResults.File(file.Content, file.ContentType, enableRangeProcessing: true);
        }

        return TypedResults.File(file.Content, file.ContentType, file.FileName, enableRangeProcessing: true);
    }
}
