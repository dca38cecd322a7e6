using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace AfterSales.IntegrationTests.Infrastructure;

/// <summary>What a browser and an API client do against the host: fetch pages, post the login form, get tokens.</summary>
public static partial class Http
{
    public const string AuthCookie = ".AfterSales.Auth";

    /// <summary>The page's text with HTML entities decoded (Blazor encodes non-ASCII characters).</summary>
    public static async Task<string> TextAsync(this HttpResponseMessage response) =>
        WebUtility.HtmlDecode(await response.Content.ReadAsStringAsync());

    public static async Task<(HttpResponseMessage Response, string Html)> GetPageAsync(this HttpClient client, string url)
    {
        var response = await client.GetAsync(url);
        return (response, await response.TextAsync());
    }

    /// <summary>
    /// GETs the login page under <paramref name="pathBase"/> (<c>/t/demo</c>, or empty for the platform) and posts the
    /// form as a browser would, antiforgery token included. Returns the POST's response (a redirect on success).
    /// </summary>
    public static async Task<HttpResponseMessage> LoginAsync(this HttpClient client, string pathBase, string email, string password = AppFactory.Password)
    {
        var url = pathBase + "/account/login";
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        var fields = new Dictionary<string, string>
        {
            ["_handler"] = "login",
            ["__RequestVerificationToken"] = HiddenValue(html, "__RequestVerificationToken"),
            ["Input.Email"] = email,
            ["Input.Password"] = password,
        };
        return await client.PostAsync(url, new FormUrlEncodedContent(fields));
    }

    /// <summary>
    /// GETs a server-rendered form page and posts it back with <paramref name="fields"/>, the form's hidden inputs
    /// (antiforgery token included) and its handler name, as a browser would.
    /// </summary>
    public static async Task<(HttpResponseMessage Response, string Html)> PostFormAsync(
        this HttpClient client, string url, string handler, IReadOnlyDictionary<string, string> fields)
    {
        var form = await client.GetAsync(url);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        var html = await form.Content.ReadAsStringAsync();
        var values = new Dictionary<string, string>
        {
            ["_handler"] = handler,
            ["__RequestVerificationToken"] = HiddenValue(html, "__RequestVerificationToken"),
        };
        foreach (var (name, value) in fields)
        {
            values[name] = value;
        }

        var response = await client.PostAsync(url, new FormUrlEncodedContent(values));
        return (response, await response.TextAsync());
    }

    /// <summary>The value of the hidden input <paramref name="name"/> in <paramref name="html"/>.</summary>
    public static string Hidden(string html, string name) => HiddenValue(html, name);

    /// <summary>The error shown by the login page, or null when there is none.</summary>
    public static string? LoginError(string html)
    {
        var match = LoginErrorPattern().Match(html);
        return match.Success ? WebUtility.HtmlDecode(match.Groups[1].Value).Trim() : null;
    }

    /// <summary>The auth cookie(s) set by <paramref name="response"/>, as a Cookie header value (chunks included).</summary>
    public static string AuthCookieHeader(HttpResponseMessage response)
    {
        var cookies = response.Headers.TryGetValues("Set-Cookie", out var values) ? values : [];
        var pairs = cookies.Select(c => c.Split(';', 2)[0]).Where(p => p.StartsWith(AuthCookie, StringComparison.Ordinal)).ToList();
        Assert.NotEmpty(pairs);
        return string.Join("; ", pairs);
    }

    public static async Task<HttpResponseMessage> GetWithCookieAsync(this HttpClient client, string url, string cookieHeader)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Add("Cookie", cookieHeader);
        return await client.SendAsync(request);
    }

    /// <summary>POSTs a client-credentials token request to <paramref name="url"/>.</summary>
    public static Task<HttpResponseMessage> RequestTokenAsync(this HttpClient client, string clientId, string secret, string url = "/connect/token") =>
        client.PostAsync(url, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
        }));

    /// <summary>Gets an access token, asserting that it is issued.</summary>
    public static async Task<string> TokenAsync(this HttpClient client, string clientId, string secret, string url = "/connect/token")
    {
        var response = await client.RequestTokenAsync(clientId, secret, url);
        var body = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"Token request for {clientId} failed: {(int)response.StatusCode} {body}");
        using var json = JsonDocument.Parse(body);
        return json.RootElement.GetProperty("access_token").GetString()!;
    }

    /// <summary>Asserts that the token response is a refusal and carries no token.</summary>
    public static async Task AssertTokenRefusedAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.False(response.IsSuccessStatusCode, $"A token was issued: {body}");
        Assert.DoesNotContain("access_token", body, StringComparison.Ordinal);
    }

    public static async Task<HttpResponseMessage> GetWithTokenAsync(this HttpClient client, string url, string token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, url);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.SendAsync(request);
    }

    public static Task<T?> JsonAsync<T>(this HttpResponseMessage response) => response.Content.ReadFromJsonAsync<T>();

    public static void AssertProblem(HttpResponseMessage response, HttpStatusCode status)
    {
        Assert.Equal(status, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }

    /// <summary>The path and query a redirect points to, whether the Location is absolute or relative.</summary>
    public static string? RedirectPath(HttpResponseMessage response) =>
        response.Headers.Location is not { } location ? null
        : location.IsAbsoluteUri ? location.PathAndQuery
        : location.OriginalString;

    public static void AssertRedirectToLogin(HttpResponseMessage response, string pathBase)
    {
        Assert.True(
            response.StatusCode is HttpStatusCode.Redirect or HttpStatusCode.Found or HttpStatusCode.SeeOther or HttpStatusCode.TemporaryRedirect,
            $"Expected a redirect to the login page, got {(int)response.StatusCode}.");
        Assert.StartsWith(pathBase + "/account/login", RedirectPath(response) ?? "", StringComparison.Ordinal);
    }

    private static string HiddenValue(string html, string name)
    {
        foreach (Match input in InputPattern().Matches(html))
        {
            if (input.Value.Contains($"name=\"{name}\"", StringComparison.Ordinal))
            {
                var value = ValuePattern().Match(input.Value);
                Assert.True(value.Success, $"The {name} field has no value.");
                return WebUtility.HtmlDecode(value.Groups[1].Value);
            }
        }

        Assert.Fail($"The form has no {name} field.");
        return "";
    }

    [GeneratedRegex("<input\\b[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InputPattern();

    [GeneratedRegex("\\bvalue=\"([^\"]*)\"")]
    private static partial Regex ValuePattern();

    [GeneratedRegex("data-testid=\"login-error\"[^>]*>([^<]*)<")]
    private static partial Regex LoginErrorPattern();
}
