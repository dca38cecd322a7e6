using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Service;

/// <summary><c>/api/v1/service-requests/{number}/attachments</c>: list, upload (multipart/form-data) and download a request's files.</summary>
internal static class RequestAttachmentsApi
{
    public sealed record AttachmentResponse(Guid Id, string FileName, string ContentType, long Size, DateTimeOffset UploadedAt, string? UploadedBy, string Url);

    public static void Map(RouteGroupBuilder api)
    {
        var attachments = api.MapGroup("/service-requests/{number}/attachments").WithTags("Service requests");
        attachments.MapGet("/", ListAsync).WithName("ListServiceRequestAttachments").WithSummary("The request's attachments, oldest first.");
        attachments.MapPost("/", AddAsync).WithName("AddServiceRequestAttachments")
            .WithSummary($"Attaches the files of a multipart/form-data body (any field name, at most {AttachmentLimits.FilesPerUpload}); all or none.")
            // Anything but multipart/form-data is answered 415 by routing, before the handler runs.
            .Accepts<IFormFileCollection>("multipart/form-data")
            // A bearer token is not sent by a browser on its own, so there is no cross-site request to forge.
            .DisableAntiforgery();
        attachments.MapGet("/{id:guid}", DownloadAsync).WithName("DownloadServiceRequestAttachment").WithSummary("The attachment's content, as a download.");
    }

    // An integration attaches files like an agent: it can remove none, not even its own.
    private static RequestActor Actor(ICurrentUser user) => new(null, user.Name, new HashSet<string> { Roles.Agent });

    private static async Task<Results<Ok<IReadOnlyList<AttachmentResponse>>, NotFound>> ListAsync(
        string number, RequestAttachments attachments, HttpRequest request, CancellationToken cancellationToken)
    {
        if (await attachments.FindRequestAsync(number, cancellationToken) is not { } requestId)
        {
            return TypedResults.NotFound();
        }

        var list = await attachments.ListAsync(requestId, cancellationToken);
        return TypedResults.Ok<IReadOnlyList<AttachmentResponse>>(list.Select(a => Response(a, number, request)).ToList());
    }

    private static async Task<Results<Created<IReadOnlyList<AttachmentResponse>>, NotFound, ValidationProblem, ProblemHttpResult>> AddAsync(
        string number, HttpContext context, RequestAttachments attachments, ICurrentUser user, IStringLocalizer<ServiceText> text,
        CancellationToken cancellationToken)
    {
        if (await attachments.FindRequestAsync(number, cancellationToken) is not { } requestId)
        {
            return TypedResults.NotFound();
        }

        // Room for a full upload of files at the limit, plus the multipart framing; the form is read here, not bound, so the
        // limits follow the configuration and every failure answers as problem details.
        var bodyLimit = attachments.Limits.MaxBytes * AttachmentLimits.FilesPerUpload + 1024 * 1024;
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } maxBody)
        {
            maxBody.MaxRequestBodySize = bodyLimit;
        }

        IFormCollection form;
        try
        {
            form = await context.Request.ReadFormAsync(new FormOptions { MultipartBodyLengthLimit = bodyLimit }, cancellationToken);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TypedResults.Problem(text["Validation.AttachmentsBodyTooLarge", AttachmentLimits.FormatSize(bodyLimit)].Value,
                statusCode: StatusCodes.Status413PayloadTooLarge);
        }
        catch (InvalidDataException)
        {
            return TypedResults.Problem(text["Validation.AttachmentMultipart"].Value, statusCode: StatusCodes.Status400BadRequest);
        }

        var uploads = form.Files.Select(f => new AttachmentUpload(f.FileName, f.ContentType, f.Length, f.OpenReadStream)).ToList();
        var result = await attachments.AddAsync(requestId, uploads, Actor(user), cancellationToken: cancellationToken);
        return result.Status switch
        {
            AttachmentStatus.NotFound => TypedResults.NotFound(),
            AttachmentStatus.Invalid => TypedResults.ValidationProblem(result.Problems
                .GroupBy(p => p.FileName.Length > 0 ? p.FileName : "files")
                .ToDictionary(g => g.Key, g => g.Select(p => text[p.ErrorKey, p.Args].Value).ToArray())),
            _ => TypedResults.Created($"{context.Request.PathBase}/api/v1/service-requests/{Uri.EscapeDataString(number)}/attachments",
                (IReadOnlyList<AttachmentResponse>)result.Added.Select(a => Response(a, number, context.Request)).ToList()),
        };
    }

    private static async Task<Results<FileStreamHttpResult, NotFound>> DownloadAsync(
        string number, Guid id, RequestAttachments attachments, HttpResponse response, CancellationToken cancellationToken)
    {
        if (await attachments.FindRequestAsync(number, cancellationToken) is not { } requestId
            || await attachments.OpenAsync(id, requestId, cancellationToken) is not { } file)
        {
            return TypedResults.NotFound();
        }

        return AttachmentDownload.Send(file, response);
    }

    private static AttachmentResponse Response(AttachmentView a, string number, HttpRequest request) =>
        new(a.Id, a.FileName, a.ContentType, a.Size, a.UploadedAt, a.UploadedBy,
            $"{request.PathBase}/api/v1/service-requests/{Uri.EscapeDataString(number.Trim().ToUpperInvariant())}/attachments/{a.Id}");
}
