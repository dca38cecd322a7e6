using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Localization;

namespace AfterSales.Modules.Customers;

/// <summary>The customers API for ERP/CRM integration.</summary>
internal static class CustomersApi
{
    public sealed record CustomerListResponse(IReadOnlyList<CustomerRow> Items, int Total);

    public sealed record CustomerResponse(
        Guid Id, string Code, string Name, CustomerKind Kind, string? Level, string? Tags, string? Region, string? Address,
        string? Phone, string? Email, string? Notes, DateTimeOffset CreatedAt, IReadOnlyList<CustomerInput.ContactInput> Contacts,
        IReadOnlyList<CustomerInput.AddressInput> Addresses, DateOnly? Birthday)
    {
        public static CustomerResponse From(Customer c)
        {
            var input = CustomerInput.From(c);
            return new(c.Id, c.Code, c.Name, c.Kind, c.Level, c.Tags, c.Region, c.Address, c.Phone, c.Email, c.Notes, c.CreatedAt,
                input.Contacts.OrderBy(k => k.Name).ToList(), input.Addresses, c.Birthday);
        }
    }

    public static void Map(RouteGroupBuilder customers)
    {
        customers.MapGet("/", ListAsync).WithName("ListCustomers").WithSummary("Customers of the token's tenant, searched and paged (take at most 100).");
        customers.MapGet("/{id:guid}", GetAsync).WithName("GetCustomer").WithSummary("One customer with its contacts and other addresses.");
        customers.MapPost("/", CreateAsync).WithName("CreateCustomer").WithSummary("Registers a customer; its code must be new in the tenant.");
    }

    private static async Task<Ok<CustomerListResponse>> ListAsync(
        CustomerDirectory directory, string? search, CustomerKind? kind, string? level, string? region, int skip = 0, int take = 20,
        CancellationToken cancellationToken = default)
    {
        var page = await directory.SearchAsync(new CustomerQuery(search, kind, Skip: skip, Take: take, Level: level, Region: region), cancellationToken);
        return TypedResults.Ok(new CustomerListResponse(page.Items, page.Total));
    }

    private static async Task<Results<Ok<CustomerResponse>, NotFound>> GetAsync(Guid id, CustomerDirectory directory, CancellationToken cancellationToken)
    {
        var customer = await directory.GetAsync(id, cancellationToken);
        return customer is null ? TypedResults.NotFound() : TypedResults.Ok(CustomerResponse.From(customer));
    }

    private static async Task<Results<Created<CustomerResponse>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        CustomerInput input, CustomerDirectory directory, IStringLocalizer<CustomerText> text, IStringLocalizer<AfterSales.Modules.Forms.FormsText> fieldText,
        HttpContext context, CancellationToken cancellationToken)
    {
        var result = await directory.CreateAsync(input, cancellationToken);
        switch (result.Status)
        {
            case CustomerSaveStatus.Invalid:
                return TypedResults.ValidationProblem(AfterSales.Modules.Forms.FormMessages.AddTo(
                    result.Errors!.ToDictionary(e => e.Key, e => e.Value.Select(k => text[k].Value).ToArray()), result.FieldErrors, result.Form, fieldText));
            case CustomerSaveStatus.DuplicateCode:
                return TypedResults.Problem(statusCode: StatusCodes.Status409Conflict, title: text["Validation.CodeTaken"], detail: input.Code.Trim());
            default:
                var created = await directory.GetAsync(result.Id!.Value, cancellationToken);
                return TypedResults.Created($"{context.Request.PathBase}/api/v1/customers/{result.Id}", CustomerResponse.From(created!));
        }
    }
}
