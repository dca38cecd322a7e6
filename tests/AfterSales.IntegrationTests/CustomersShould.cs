using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Customers;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The customers API and directory: search, create, validation, conflicts and tenant isolation.</summary>
public sealed class CustomersShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task ListOnlyTheTokensTenantsCustomers()
    {
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("demo-erp", "demo-erp-secret");

        using var json = JsonDocument.Parse(await (await client.GetWithTokenAsync("/api/v1/customers?take=100", token)).TextAsync());

        var codes = json.RootElement.GetProperty("items").EnumerateArray().Select(c => c.GetProperty("code").GetString()).ToList();
        Assert.True(json.RootElement.GetProperty("total").GetInt32() >= 14);
        Assert.Contains("C1001", codes);
        Assert.DoesNotContain(codes, c => c!.StartsWith("AC-", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("C1003", "南粤食品机械厂")]
    [InlineData("陈杰", "长江精密制造股份有限公司")]
    [InlineData("13900001111", "王小明")]
    public async Task FindACustomerByCodeContactOrPhone(string search, string name)
    {
        var client = factory.CreateCookielessClient();
        var token = await client.TokenAsync("demo-erp", "demo-erp-secret");

        using var json = JsonDocument.Parse(await (await client.GetWithTokenAsync($"/api/v1/customers?search={Uri.EscapeDataString(search)}", token)).TextAsync());

        var item = Assert.Single(json.RootElement.GetProperty("items").EnumerateArray());
        Assert.Equal(name, item.GetProperty("name").GetString());
    }

    [Fact]
    public async Task AnswerAnotherTenantsCustomerIdWith404()
    {
        var acmeId = await IdOfAsync("acme", "AC-501");
        var client = factory.CreateCookielessClient();

        var asDemo = await client.GetWithTokenAsync($"/api/v1/customers/{acmeId}", await client.TokenAsync("demo-erp", "demo-erp-secret"));
        var asAcme = await client.GetWithTokenAsync($"/api/v1/customers/{acmeId}", await client.TokenAsync("acme-erp", "acme-erp-secret"));

        Assert.Equal(HttpStatusCode.NotFound, asDemo.StatusCode);
        Assert.Equal(HttpStatusCode.OK, asAcme.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetWithTokenAsync($"/api/v1/customers/{Guid.NewGuid()}", await client.TokenAsync("demo-erp", "demo-erp-secret"))).StatusCode);
    }

    [Fact]
    public async Task ShowAnotherTenantsCustomerPageAsNotFound()
    {
        var acmeId = await IdOfAsync("acme", "AC-502");
        var demoId = await IdOfAsync("demo", "C1002");
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "agent@demo.example");

        var (foreign, _) = await browser.GetPageAsync($"/t/demo/customers/{acmeId}");
        var (own, html) = await browser.GetPageAsync($"/t/demo/customers/{demoId}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("北方制冷工程有限公司", html, StringComparison.Ordinal);
        Assert.Contains("KT35-2023-0107", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CreateACustomerAndRefuseItsCodeTwice()
    {
        var client = await AuthorizedClientAsync("acme-erp", "acme-erp-secret");
        var body = new
        {
            code = "ERP-7788",
            name = "Globex Corporation",
            kind = "Company",
            phone = "+1 555 0100",
            contacts = new[] { new { name = "Hank Scorpio", email = "hank@globex.example", role = "CEO" } },
        };

        var created = await client.PostAsJsonAsync("/api/v1/customers", body);
        var again = await client.PostAsJsonAsync("/api/v1/customers", body);

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        using var json = JsonDocument.Parse(await created.TextAsync());
        Assert.Equal("Hank Scorpio", json.RootElement.GetProperty("contacts")[0].GetProperty("name").GetString());
        var fetched = await client.GetAsync(created.Headers.Location!.OriginalString);
        Assert.Equal(HttpStatusCode.OK, fetched.StatusCode);
        Http.AssertProblem(again, HttpStatusCode.Conflict);
    }

    [Fact]
    public async Task ExplainEveryInvalidFieldAndSaveNothing()
    {
        var client = await AuthorizedClientAsync("demo-erp", "demo-erp-secret");

        var response = await client.PostAsJsonAsync("/api/v1/customers", new
        {
            code = "bad code!",
            name = "",
            email = "not-an-email",
            contacts = new[] { new { name = "", phone = "abc" } },
        });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        using var json = JsonDocument.Parse(await response.TextAsync());
        var errors = json.RootElement.GetProperty("errors");
        foreach (var field in new[] { "Code", "Name", "Email", "Contacts[0].Name", "Contacts[0].Phone" })
        {
            Assert.True(errors.TryGetProperty(field, out _), $"No error for {field}: {errors}");
        }

        await using var scope = await factory.TenantScopeAsync("demo");
        Assert.Empty((await scope.ServiceProvider.GetRequiredService<CustomerDirectory>().SearchAsync(new CustomerQuery("bad code"))).Items);
    }

    [Fact]
    public async Task RefuseAStaleEditInsteadOfOverwritingIt()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();
        var customer = (await directory.GetAsync(await IdOfAsync("demo", "C1004")))!;
        var first = CustomerInput.From(customer);
        var second = CustomerInput.From(customer);
        first.Region = "西北";
        second.Region = "华南";

        var saved = await directory.UpdateAsync(customer.Id, first, customer.ConcurrencyStamp);
        var stale = await directory.UpdateAsync(customer.Id, second, customer.ConcurrencyStamp);

        Assert.Equal(CustomerSaveStatus.Saved, saved.Status);
        Assert.Equal(CustomerSaveStatus.Conflict, stale.Status);
        Assert.Equal("西北", (await directory.GetAsync(customer.Id))!.Region);
    }

    [Fact]
    public async Task NeitherChangeNorDeleteAnotherTenantsCustomer()
    {
        var acmeId = await IdOfAsync("acme", "AC-503");
        await using var scope = await factory.TenantScopeAsync("demo");
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();

        var update = await directory.UpdateAsync(acmeId, new CustomerInput { Code = "X1", Name = "Taken over" }, "any");
        var deleted = await directory.DeleteAsync(acmeId);

        Assert.Equal(CustomerSaveStatus.NotFound, update.Status);
        Assert.False(deleted);
        await using var acme = await factory.TenantScopeAsync("acme");
        Assert.Equal("Fabrikam Plastics", (await acme.ServiceProvider.GetRequiredService<CustomerDirectory>().GetAsync(acmeId))!.Name);
    }

    [Fact]
    public async Task ReplaceContactsAndKeepThemWithTheirCustomer()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();
        var customer = (await directory.GetAsync(await IdOfAsync("demo", "C1005")))!;
        var input = CustomerInput.From(customer);
        input.Contacts.Add(new CustomerInput.ContactInput { Name = "新联系人", Phone = "13600000000" });

        var result = await directory.UpdateAsync(customer.Id, input, customer.ConcurrencyStamp);
        var reloaded = (await directory.GetAsync(customer.Id))!;

        Assert.Equal(CustomerSaveStatus.Saved, result.Status);
        Assert.Equal(2, reloaded.Contacts.Count);
        Assert.All(reloaded.Contacts, c => Assert.Equal(reloaded.TenantId, c.TenantId));
    }

    [Theory]
    [InlineData(CustomerSort.Default, false)]
    [InlineData(CustomerSort.Code, true)]
    public async Task PageThroughCustomersInTheRequestedOrder(CustomerSort sort, bool descending)
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var directory = scope.ServiceProvider.GetRequiredService<CustomerDirectory>();

        var first = await directory.SearchAsync(new CustomerQuery(Sort: sort, Descending: descending, Skip: 0, Take: 4));
        var second = await directory.SearchAsync(new CustomerQuery(Sort: sort, Descending: descending, Skip: 4, Take: 4));

        var codes = first.Items.Concat(second.Items).Select(c => c.Code).ToList();
        var expected = descending ? codes.OrderDescending(StringComparer.Ordinal) : codes.Order(StringComparer.Ordinal);
        Assert.Equal(expected, codes);
        Assert.Equal(4, first.Items.Count);
        Assert.Equal(first.Total, codes.Count);
    }

    private async Task<HttpClient> AuthorizedClientAsync(string clientId, string secret)
    {
        var client = factory.CreateCookielessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(clientId, secret));
        return client;
    }

    private async Task<Guid> IdOfAsync(string tenant, string code)
    {
        await using var scope = await factory.TenantScopeAsync(tenant);
        var page = await scope.ServiceProvider.GetRequiredService<CustomerDirectory>().SearchAsync(new CustomerQuery(code));
        return page.Items.Single(c => c.Code == code).Id;
    }
}
