using System.Net;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

/// <summary>The auth endpoints with a limit of <see cref="RateLimitedAppFactory.Permits"/> requests a minute per client address.</summary>
public sealed class RateLimitShould(RateLimitedAppFactory factory) : IClassFixture<RateLimitedAppFactory>
{
    [Fact]
    public async Task LimitTokenRequests()
    {
        var client = factory.CreateCookielessClient();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedAppFactory.Permits; i++)
        {
            statuses.Add((await client.RequestTokenAsync("demo-erp", "wrong-secret")).StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(RateLimitedAppFactory.Permits));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }

    [Fact]
    public async Task LimitLoginPosts()
    {
        var client = factory.CreateBrowser();
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i <= RateLimitedAppFactory.Permits; i++)
        {
            var response = await client.PostAsync("/t/demo/account/login", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["_handler"] = "login",
                ["Input.Email"] = "nobody@demo.example",
                ["Input.Password"] = "Wrong@12345",
            }));
            statuses.Add(response.StatusCode);
        }

        Assert.DoesNotContain(HttpStatusCode.TooManyRequests, statuses.Take(RateLimitedAppFactory.Permits));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[^1]);
    }
}
