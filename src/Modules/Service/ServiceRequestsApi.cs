using AfterSales.Modules.Forms;
using AfterSales.Modules.Shared;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using System.Text.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Service;

/// <summary><c>/api/v1/service-requests</c> and <c>/api/v1/service-types</c> for ERP/CRM and call-centre integrations.</summary>
internal static class ServiceRequestsApi
{
    /// <param name="Fields">The custom fields of the type's published form (version <paramref name="FormVersion"/>, 0 for none), so an integration builds a valid payload.</param>
    public sealed record TypeResponse(
        Guid Id, string Code, string NameZh, string NameEn, RequestPriority DefaultPriority, int? SlaHours, int FormVersion, IReadOnlyList<FieldDefinition> Fields);

    public sealed record CommentInput(string Text, bool IsPublic = true);

    /// <param name="CustomFields">Values by field key: numbers as numbers, yes/no as booleans, multiple choices and attachments as arrays.</param>
    public sealed record RequestResponse(RequestDetail Request, IReadOnlyList<TimelineEntry> Timeline, IReadOnlyDictionary<string, object?> CustomFields);

    public static void Map(RouteGroupBuilder api)
    {
        api.MapGet("/service-types", TypesAsync).WithTags("Service requests").WithName("ListServiceTypes")
            .WithSummary("The tenant's service types that take new requests, in their order.");
        var requests = api.MapGroup("/service-requests").WithTags("Service requests");
        requests.MapGet("/", ListAsync).WithName("ListServiceRequests")
            .WithSummary("Requests, newest first, searched and paged (take at most 100); cf.{key}=value filters by a custom field (from~to for numbers and dates).");
        requests.MapGet("/{number}", GetAsync).WithName("GetServiceRequest").WithSummary("One request with its timeline.");
        requests.MapPost("/", CreateAsync).WithName("CreateServiceRequest")
            .WithSummary("Takes a request; the serial number brings its owner, model, warranty and agreement.");
        requests.MapPost("/{number}/comments", CommentAsync).WithName("CommentServiceRequest").WithSummary("Adds a comment to a request's timeline.");
        requests.MapGet("/{number}/transitions", TransitionsAsync).WithName("ListServiceRequestTransitions")
            .WithSummary("The workflow transitions open to the caller now, with the fields each requires.");
        requests.MapPost("/{number}/transitions/{key}", FireAsync).WithName("FireServiceRequestTransition")
            .WithSummary("Moves a request by a transition; concurrencyStamp is the request's as last read (409 when it changed since).");
    }

    /// <param name="Values">The transition form's values by field key.</param>
    /// <param name="ConcurrencyStamp">The request's stamp as the caller read it.</param>
    public sealed record TransitionInput(IReadOnlyDictionary<string, JsonElement>? Values, string? Note, string ConcurrencyStamp);

    public sealed record TransitionResponse(string Key, string Name, string To, IReadOnlyList<FieldDefinition> Fields);

    // An integration acts as an agent: the tenant's workflow decides which transitions that opens to it.
    private static RequestActor Actor(ICurrentUser user) => new(null, user.Name, new HashSet<string> { Roles.Agent });

    private static async Task<Ok<IReadOnlyList<TypeResponse>>> TypesAsync(ServiceTypeCatalog types, FormBook forms, CancellationToken cancellationToken)
    {
        var active = await types.ListAsync(cancellationToken: cancellationToken);
        var published = await forms.PublishedAsync(active.Select(t => FormKeys.ForServiceType(t.Id)).ToList(), cancellationToken);
        return TypedResults.Ok<IReadOnlyList<TypeResponse>>(active.Select(t =>
        {
            var form = published[FormKeys.ForServiceType(t.Id)];
            return new TypeResponse(t.Id, t.Code, t.NameZh, t.NameEn, t.DefaultPriority, t.SlaHours, form.Version, form.Schema.Fields.ToList());
        }).ToList());
    }

    private static async Task<Results<Ok<RequestPage>, ValidationProblem>> ListAsync(
        RequestDesk desk, HttpContext context, string? search, string? status, Guid? serviceTypeId, string? serialNumber, int skip = 0, int take = 20,
        CancellationToken cancellationToken = default)
    {
        var filters = new List<FieldFilter>();
        var asked = context.Request.Query.Where(q => q.Key.StartsWith("cf.", StringComparison.Ordinal)).ToList();
        if (asked.Count > 0)
        {
            var fields = await desk.ListFieldsAsync(serviceTypeId, cancellationToken);
            var unknown = asked.Where(q => !fields.ContainsKey(q.Key[3..])).Select(q => q.Key).ToList();
            if (unknown.Count > 0)
            {
                return TypedResults.ValidationProblem(unknown.ToDictionary(k => k, k => new[] { $"No custom field \"{k[3..]}\" on the requests' forms." }));
            }

            filters.AddRange(FieldFilter.FromQuery(context.Request.Query, fields));
        }

        return TypedResults.Ok(await desk.SearchAsync(
            new RequestQuery(Search: search, Status: status, ServiceTypeId: serviceTypeId, SerialNumber: serialNumber, Skip: skip, Take: take, Fields: filters),
            cancellationToken));
    }

    private static async Task<Results<Ok<RequestResponse>, NotFound>> GetAsync(string number, RequestDesk desk, CancellationToken cancellationToken)
    {
        var request = await desk.GetAsync(number, cancellationToken);
        if (request is null)
        {
            return TypedResults.NotFound();
        }

        var fields = await desk.FieldsAsync(request, cancellationToken);
        var values = fields.Values.ToDictionary(v => v.Key, v => fields.Schema.Field(v.Key) is { } field ? FieldValues.ToJson(field, v.Value) : v.Value);
        return TypedResults.Ok(new RequestResponse(request, await desk.TimelineAsync(request.Id, cancellationToken: cancellationToken), values));
    }

    private static async Task<Results<Created<RequestDetail>, ValidationProblem>> CreateAsync(
        RequestInput input, RequestDesk desk, ICurrentUser user, IStringLocalizer<ServiceText> text, IStringLocalizer<FormsText> fieldText, HttpContext context,
        CancellationToken cancellationToken)
    {
        input.Channel = RequestChannels.Api;
        var result = await desk.CreateAsync(input, Actor(user), cancellationToken);
        if (result.Status != RequestSaveStatus.Saved)
        {
            return TypedResults.ValidationProblem(FormMessages.AddTo(
                result.Errors!.ToDictionary(e => e.Key, e => new[] { text[e.Value].Value }), result.FieldErrors, result.Form, fieldText));
        }

        return TypedResults.Created($"{context.Request.PathBase}/api/v1/service-requests/{result.Number}", result.Created!);
    }

    private static async Task<Results<Ok<IReadOnlyList<TransitionResponse>>, NotFound>> TransitionsAsync(
        string number, RequestDesk desk, RequestWorkflow workflow, ICurrentUser user, CancellationToken cancellationToken)
    {
        if (await desk.GetAsync(number, cancellationToken) is not { } request || await workflow.StateAsync(request.Id, Actor(user), cancellationToken) is not { } state)
        {
            return TypedResults.NotFound();
        }

        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        var transitions = new List<TransitionResponse>();
        foreach (var transition in state.Transitions)
        {
            var form = await workflow.FormAsync(request.Id, transition, cancellationToken);
            transitions.Add(new TransitionResponse(transition.Key, transition.Label.For(culture), transition.To, form.Fields.ToList()));
        }

        return TypedResults.Ok<IReadOnlyList<TransitionResponse>>(transitions);
    }

    private static async Task<Results<NoContent, NotFound, Conflict<ProblemDetails>, UnprocessableEntity<ProblemDetails>, ValidationProblem>> FireAsync(
        string number, string key, TransitionInput input, RequestWorkflow workflow, ICurrentUser user, IStringLocalizer<ServiceText> text,
        IStringLocalizer<FormsText> fieldText, CancellationToken cancellationToken)
    {
        var values = (input.Values ?? new Dictionary<string, JsonElement>()).ToDictionary(v => v.Key, v => FieldValues.FromJson(v.Value));
        var outcome = await workflow.FireAsync(number, key, values, input.Note, input.ConcurrencyStamp ?? "", Actor(user), cancellationToken);
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        return outcome.Status switch
        {
            ActionStatus.Done => TypedResults.NoContent(),
            ActionStatus.NotFound => TypedResults.NotFound(),
            ActionStatus.Conflict => TypedResults.Conflict(new ProblemDetails { Title = "The request changed since it was read.", Status = 409 }),
            ActionStatus.NotAllowed => TypedResults.UnprocessableEntity(new ProblemDetails
            {
                Title = "The transition is not open to the caller now.", Detail = outcome.Refusal?.For(culture), Status = 422,
            }),
            _ => TypedResults.ValidationProblem(outcome.ErrorKey is { } error
                ? new Dictionary<string, string[]> { ["note"] = [text[error].Value] }
                : FormMessages.AddTo(new Dictionary<string, string[]>(), outcome.FieldErrors, null, fieldText)),
        };
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
