using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Products;

/// <summary>Serial numbers and warranty for ERP/CRM integration.</summary>
internal static class SerialsApi
{
    public sealed record WarrantyResponse(string Number, WarrantyState State, DateOnly? Start, DateOnly? End, int? DaysLeft);

    public static void Map(RouteGroupBuilder serials)
    {
        serials.MapGet("/{number}", GetAsync).WithName("GetSerial").WithSummary("A registered unit: model, owner, dates and warranty.");
        serials.MapGet("/{number}/warranty", GetWarrantyAsync).WithName("GetSerialWarranty").WithSummary("In or out of warranty today (tenant time zone), with days left.");
        serials.MapPost("/", RegisterAsync).WithName("RegisterSerial").WithSummary("Registers a unit by model code (and customer code); the number must be new in the tenant.");
    }

    private static async Task<Results<Ok<SerialView>, NotFound>> GetAsync(string number, SerialRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(number, cancellationToken) is { } unit ? TypedResults.Ok(unit) : TypedResults.NotFound();

    private static async Task<Results<Ok<WarrantyResponse>, NotFound>> GetWarrantyAsync(string number, SerialRegistry registry, CancellationToken cancellationToken) =>
        await registry.FindAsync(number, cancellationToken) is { } unit
            ? TypedResults.Ok(new WarrantyResponse(unit.Number, unit.Warranty.State, unit.Warranty.Start, unit.Warranty.End, unit.Warranty.DaysLeft))
            : TypedResults.NotFound();

    private static async Task<Results<Created<SerialView>, ValidationProblem, ProblemHttpResult>> RegisterAsync(
        SerialInput input, SerialRegistry registry, IStringLocalizer<ProductText> text, HttpContext context, CancellationToken cancellationToken)
    {
        var result = await registry.RegisterAsync(input, cancellationToken);
        switch (result.Status)
        {
            case SerialSaveStatus.Invalid:
                return TypedResults.ValidationProblem(result.Errors!.ToDictionary(e => e.Key, e => e.Value.Select(k => text[k].Value).ToArray()));
            case SerialSaveStatus.Duplicate:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Validation.SerialTaken"], detail: SerialRegistry.Normalize(input.Number));
            default:
                var unit = await registry.FindAsync(input.Number, cancellationToken);
                return TypedResults.Created($"{context.Request.PathBase}/api/v1/serials/{Uri.EscapeDataString(unit!.Number)}", unit);
        }
    }
}
