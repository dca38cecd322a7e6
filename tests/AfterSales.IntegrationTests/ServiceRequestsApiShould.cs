using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

/// <summary>The service-request API an ERP or call centre uses, with client-credentials tokens.</summary>
public sealed class ServiceRequestsApiShould(AppFactory factory) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task TakeARequestFromASerialNumberAndShowItWithItsTimeline()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");
        using var types = JsonDocument.Parse(await (await client.GetAsync("/api/v1/service-types")).TextAsync());
        var onSite = types.RootElement.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "ONSITE").GetProperty("id").GetGuid();

        var created = await client.PostAsJsonAsync("/api/v1/service-requests", new { serviceTypeId = onSite, serialNumber = "JS90-0002", subject = "漏水" });
        using var body = JsonDocument.Parse(await created.TextAsync());
        var number = body.RootElement.GetProperty("number").GetString()!;
        var comment = await client.PostAsJsonAsync($"/api/v1/service-requests/{number}/comments", new { text = "客户来电催促", isPublic = true });
        using var shown = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests/{number.ToLowerInvariant()}")).TextAsync());
        using var listed = JsonDocument.Parse(await (await client.GetAsync("/api/v1/service-requests?serialNumber=js90-0002")).TextAsync());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("P2002", "JS-90", "Api"), (body.RootElement.GetProperty("customerCode").GetString(), body.RootElement.GetProperty("modelCode").GetString(),
            body.RootElement.GetProperty("channel").GetString()));
        Assert.Equal(HttpStatusCode.NoContent, comment.StatusCode);
        Assert.Equal(["Created", "Comment"], shown.RootElement.GetProperty("timeline").EnumerateArray().Select(e => e.GetProperty("kind").GetString()));
        Assert.Equal(number, listed.RootElement.GetProperty("items")[0].GetProperty("number").GetString());
    }

    [Fact]
    public async Task RejectAnInvalidRequestNamingEachField()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");

        var response = await client.PostAsJsonAsync("/api/v1/service-requests", new { serialNumber = "NOPE-1" });
        using var problem = JsonDocument.Parse(await response.TextAsync());
        var errors = problem.RootElement.GetProperty("errors");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(errors.TryGetProperty("ServiceTypeId", out _));
        Assert.True(errors.TryGetProperty("Subject", out _));
        Assert.True(errors.TryGetProperty("SerialNumber", out _));
    }

    [Fact]
    public async Task AnswerAnotherTenantsRequestWith404()
    {
        var demo = await ClientAsync("demo-erp", "demo-erp-secret");
        using var types = JsonDocument.Parse(await (await demo.GetAsync("/api/v1/service-types")).TextAsync());
        var consult = types.RootElement[0].GetProperty("id").GetGuid();
        using var created = JsonDocument.Parse(await (await demo.PostAsJsonAsync("/api/v1/service-requests",
            new { serviceTypeId = consult, customerCode = "C1001", subject = "咨询保养" })).TextAsync());
        var number = created.RootElement.GetProperty("number").GetString()!;
        var acme = await ClientAsync("acme-erp", "acme-erp-secret");

        var get = await acme.GetAsync($"/api/v1/service-requests/{number}");
        var comment = await acme.PostAsJsonAsync($"/api/v1/service-requests/{number}/comments", new { text = "hello" });
        var foreignType = await acme.PostAsJsonAsync("/api/v1/service-requests", new { serviceTypeId = consult, contactPhone = "1", subject = "x" });
        using var list = JsonDocument.Parse(await (await acme.GetAsync("/api/v1/service-requests?take=100")).TextAsync());

        Assert.Equal(HttpStatusCode.NotFound, get.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, comment.StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, foreignType.StatusCode);
        Assert.DoesNotContain(list.RootElement.GetProperty("items").EnumerateArray(), r => r.GetProperty("subject").GetString() == "咨询保养");
    }

    private async Task<HttpClient> ClientAsync(string clientId, string secret)
    {
        var client = factory.CreateCookielessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(clientId, secret));
        return client;
    }
}
