using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Service;

/// <summary><c>/api/v1/service-requests</c> and <c>/api/v1/service-types</c> for ERP/CRM and call-centre integrations.</summary>
internal static class ServiceRequestsApi
{
    public sealed record TypeResponse(Guid Id, string Code, string NameZh, string NameEn, RequestPriority DefaultPriority, int? SlaHours);

    public sealed record CommentInput(string Text, bool IsPublic = true);

    public sealed record RequestResponse(RequestDetail Request, IReadOnlyList<TimelineEntry> Timeline);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/service-types", TypesAsync).WithTags("Service requests").WithName("ListServiceTypes")
            .WithSummary("The tenant's service types that take new requests, in their order.");
        var requests = api.MapGroup("/service-requests").WithTags("Service requests");
        requests.MapGet("/", ListAsync).WithName("ListServiceRequests").WithSummary("Requests, newest first, searched and paged (take at most 100).");
        requests.MapGet("/{number}", GetAsync).WithName("GetServiceRequest").WithSummary("One request with its timeline.");
        requests.MapPost("/", CreateAsync).WithName("CreateServiceRequest")
            .WithSummary("Takes a request; the serial number brings its owner, model, warranty and agreement.");
        requests.MapPost("/{number}/comments", CommentAsync).WithName("CommentServiceRequest").WithSummary("Adds a comment to a request's timeline.");
    }

    // An integration takes and comments requests like an agent; it cannot assign or close them.
    private static RequestActor Actor(ICurrentUser user) => new(null, user.Name, new HashSet<string> { Roles.Agent });

    private static async Task<Ok<IReadOnlyList<TypeResponse>>> TypesAsync(ServiceTypeCatalog types, CancellationToken cancellationToken) =>
        TypedResults.Ok<IReadOnlyList<TypeResponse>>((await types.ListAsync(cancellationToken: cancellationToken))
            .Select(t => new TypeResponse(t.Id, t.Code, t.NameZh, t.NameEn, t.DefaultPriority, t.SlaHours)).ToList());

    private static async Task<Ok<RequestPage>> ListAsync(
        RequestDesk desk, string? search, RequestStatus? status, string? serialNumber, int skip = 0, int take = 20, CancellationToken cancellationToken = default) =>
        TypedResults.Ok(await desk.SearchAsync(new RequestQuery(Search: search, Status: status, SerialNumber: serialNumber, Skip: skip, Take: take), cancellationToken));

    private static async Task<Results<Ok<RequestResponse>, NotFound>> GetAsync(string number, RequestDesk desk, CancellationToken cancellationToken)
    {
        var request = await desk.GetAsync(number, cancellationToken);
        return request is null
            ? TypedResults.NotFound()
            : TypedResults.Ok(new RequestResponse(request, await desk.TimelineAsync(request.Id, cancellationToken: cancellationToken)));
    }

    private static async Task<Results<Created<RequestDetail>, ValidationProblem>> CreateAsync(
        RequestInput input, RequestDesk desk, ICurrentUser user, IStringLocalizer<ServiceText> text, HttpContext context, CancellationToken cancellationToken)
    {
        input.Channel = RequestChannel.Api;
        var result = await desk.CreateAsync(input, Actor(user), cancellationToken);
        if (result.Status != RequestSaveStatus.Saved)
        {
            return TypedResults.ValidationProblem(result.Errors!.ToDictionary(e => e.Key, e => new[] { text[e.Value].Value }));
        }

        var created = await desk.GetAsync(result.Number!, cancellationToken);
        return TypedResults.Created($"{context.Request.PathBase}/api/v1/service-requests/{result.Number}", created!);
    }

    private static async Task<Results<NoContent, NotFound, ValidationProblem>> CommentAsync(
        string number, CommentInput input, RequestDesk desk, ICurrentUser user, IStringLocalizer<ServiceText> text, CancellationToken cancellationToken)
    {
        var result = await desk.CommentAsync(number, input.Text ?? "", input.IsPublic, Actor(user), cancellationToken);
        return result.Status switch
        {
            ActionStatus.NotFound => TypedResults.NotFound(),
            ActionStatus.Invalid => TypedResults.ValidationProblem(new Dictionary<string, string[]> { ["text"] = [text[result.ErrorKey!].Value] }),
            _ => TypedResults.NoContent(),
        };
    }
}
