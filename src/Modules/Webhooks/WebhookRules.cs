using System.Globalization;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace AfterSales.Modules.Webhooks;

/// <summary>
/// How each kind of endpoint is called: the body it expects, how it is signed, and what counts as accepted. Generic endpoints
/// get <c>X-AfterSales-Signature: t={unix seconds},v1={hex HMAC-SHA256 of "{t}.{body}"}</c>, so a receiver can reject a
/// replayed or altered call; DingTalk and Feishu robots are signed as their platforms document, WeCom robots carry their key in the URL.
/// </summary>
public static class WebhookRules
{
    public const int NameLength = 64;
    public const int UrlLength = 500;
    /// <summary>Bytes of a response kept for the log (and read at all: a receiver may answer with a page of any size).</summary>
    public const int ResponseLength = 2000;
    public const string SignatureHeader = "X-AfterSales-Signature";
    public const string EventHeader = "X-AfterSales-Event";
    public const string DeliveryHeader = "X-AfterSales-Delivery";

    /// <summary>The event of an admin's test call, sent even to an endpoint that is switched off.</summary>
    public const string PingEvent = "ping";

    /// <summary>The error key for a URL an endpoint may not have, or null: absolute http(s), https except on this machine.</summary>
    public static string? UrlError(string? url)
    {
        if (string.IsNullOrWhiteSpace(url) || url.Length > UrlLength || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri))
        {
            return "Webhooks.Validation.Url";
        }

        if (uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && uri.IsLoopback))
        {
            return null;
        }

        return "Webhooks.Validation.Https";
    }

    /// <summary>
    /// The wait before attempt <paramref name="attempts"/> + 1: 1 minute, 5, 30, 2 hours, 6 hours; none after the sixth failure.
    /// Longer than a notification's, because a receiver being deployed or down for maintenance should still get its calls.
    /// </summary>
    public static TimeSpan? Backoff(int attempts) => attempts switch
    {
        1 => TimeSpan.FromMinutes(1),
        2 => TimeSpan.FromMinutes(5),
        3 => TimeSpan.FromMinutes(30),
        4 => TimeSpan.FromHours(2),
        5 => TimeSpan.FromHours(6),
        _ => null,
    };

    /// <summary>
    /// The URL with its query values and long path segments cut short, for lists and the log: WeCom and DingTalk robots carry
    /// their key in the query, Feishu robots in the path, and whoever has it can post to the group.
    /// </summary>
    public static string Display(string url)
    {
        static string Cut(string part) => part.Length >= 20 ? part[..4] + "…" : part;
        var query = url.IndexOf('?', StringComparison.Ordinal);
        var path = query < 0 ? url : url[..query];
        var scheme = path.IndexOf("//", StringComparison.Ordinal) is var at and >= 0 ? at + 2 : 0;
        var shown = path[..scheme] + string.Join('/', path[scheme..].Split('/').Select((segment, i) => i == 0 ? segment : Cut(segment)));
        return query < 0 ? shown : shown + "?" + string.Join('&', url[(query + 1)..].Split('&').Select(p => p.Split('=', 2) is [var name, _] ? $"{name}=…" : p));
    }

    /// <summary>A new secret for a generic endpoint: 32 random bytes, hex.</summary>
    public static string NewSecret() => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));

    /// <summary>The generic signature header's value for <paramref name="body"/> sent at <paramref name="unixSeconds"/>.</summary>
    public static string GenericSignature(string secret, long unixSeconds, string body)
    {
        var mac = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixSeconds}.{body}"));
        return $"t={unixSeconds},v1={Convert.ToHexStringLower(mac)}";
    }

    /// <summary>Whether a received generic call is genuine and recent: what a receiver does, and what the tests check.</summary>
    public static bool VerifyGeneric(string secret, string header, string body, long nowUnixSeconds, long toleranceSeconds = 300)
    {
        var parts = header.Split(',').Select(p => p.Split('=', 2)).Where(p => p.Length == 2).ToDictionary(p => p[0], p => p[1]);
        if (!parts.TryGetValue("t", out var t) || !long.TryParse(t, NumberStyles.None, CultureInfo.InvariantCulture, out var sent) || !parts.ContainsKey("v1"))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(GenericSignature(secret, sent, body));
        return Math.Abs(nowUnixSeconds - sent) <= toleranceSeconds && CryptographicOperations.FixedTimeEquals(expected, Encoding.ASCII.GetBytes(header));
    }

    /// <summary>DingTalk: Base64(HMAC-SHA256(key = secret, data = "{timestamp ms}\n{secret}")), URL-encoded, as query parameters.</summary>
    public static string DingTalkSign(string secret, long unixMilliseconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), Encoding.UTF8.GetBytes($"{unixMilliseconds}\n{secret}")));

    /// <summary>Feishu: Base64(HMAC-SHA256(key = "{timestamp s}\n{secret}", data = empty)), in the body.</summary>
    public static string FeishuSign(string secret, long unixSeconds) =>
        Convert.ToBase64String(HMACSHA256.HashData(Encoding.UTF8.GetBytes($"{unixSeconds}\n{secret}"), Array.Empty<byte>()));

    /// <summary>The request to post for <paramref name="payload"/> (the event's JSON) to an endpoint of <paramref name="kind"/>.</summary>
    public static HttpRequestMessage Request(WebhookKind kind, string url, string? secret, string eventName, long deliveryId, string payload, DateTimeOffset now)
    {
        var request = kind == WebhookKind.Generic
            ? new HttpRequestMessage(HttpMethod.Post, url) { Content = new StringContent(payload, Encoding.UTF8, "application/json") }
            : RobotRequest(kind, url, secret, Title(payload), Markdown(payload), Text(payload), now);
        request.Headers.Add(EventHeader, eventName);
        request.Headers.Add(DeliveryHeader, deliveryId.ToString(CultureInfo.InvariantCulture));
        if (kind == WebhookKind.Generic && !string.IsNullOrEmpty(secret))
        {
            request.Headers.Add(SignatureHeader, GenericSignature(secret, now.ToUnixTimeSeconds(), payload));
        }

        return request;
    }

    /// <summary>
    /// A message for a group robot in its platform's format, signed as the platform requires: WeCom markdown (its key is in the
    /// URL), DingTalk markdown with timestamp and sign in the query, Feishu text with timestamp and sign in the body.
    /// </summary>
    public static HttpRequestMessage RobotRequest(WebhookKind kind, string url, string? secret, string title, string markdown, string text, DateTimeOffset now)
    {
        var target = url;
        string body;
        switch (kind)
        {
            case WebhookKind.WeCom:
                body = new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["content"] = markdown } }.ToJsonString();
                break;
            case WebhookKind.DingTalk:
                var milliseconds = now.ToUnixTimeMilliseconds();
                if (!string.IsNullOrEmpty(secret))
                {
                    var separator = url.Contains('?', StringComparison.Ordinal) ? '&' : '?';
                    target = $"{url}{separator}timestamp={milliseconds}&sign={WebUtility.UrlEncode(DingTalkSign(secret, milliseconds))}";
                }

                body = new JsonObject { ["msgtype"] = "markdown", ["markdown"] = new JsonObject { ["title"] = title, ["text"] = markdown } }.ToJsonString();
                break;
            case WebhookKind.Feishu:
                var seconds = now.ToUnixTimeSeconds();
                var message = new JsonObject { ["msg_type"] = "text", ["content"] = new JsonObject { ["text"] = text } };
                if (!string.IsNullOrEmpty(secret))
                {
                    message["timestamp"] = seconds.ToString(CultureInfo.InvariantCulture);
                    message["sign"] = FeishuSign(secret, seconds);
                }

                body = message.ToJsonString();
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(kind), kind, "Not a group robot");
        }

        return new HttpRequestMessage(HttpMethod.Post, target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
    }

    /// <summary>
    /// Whether the endpoint took the call: a 2xx, and for the robots their own code 0 (they answer 200 with an error code when the
    /// signature or key is wrong).
    /// </summary>
    public static bool Accepted(WebhookKind kind, HttpStatusCode status, string response)
    {
        if ((int)status is < 200 or > 299)
        {
            return false;
        }

        if (kind == WebhookKind.Generic)
        {
            return true;
        }

        try
        {
            using var document = JsonDocument.Parse(response);
            var root = document.RootElement;
            return (root.TryGetProperty("errcode", out var errcode) && errcode.GetInt32() == 0) ||
                   (root.TryGetProperty("code", out var code) && code.GetInt32() == 0) ||
                   (root.TryGetProperty("StatusCode", out var legacy) && legacy.GetInt32() == 0);
        }
        catch (Exception exception) when (exception is JsonException or InvalidOperationException or FormatException)
        {
            return false;
        }
    }

    private static string Title(string payload)
    {
        var json = JsonNode.Parse(payload)!;
        return $"{json["number"]} {json["statusName"]}";
    }

    private static string Text(string payload)
    {
        var json = JsonNode.Parse(payload)!;
        return $"[{json["company"]}] {json["number"]} {json["subject"]}\n{json["statusName"]} · {json["typeName"]} · {json["customer"]}\n{json["link"]}".Trim();
    }

    private static string Markdown(string payload)
    {
        var json = JsonNode.Parse(payload)!;
        return $"**{json["number"]}** {json["subject"]}\n> {json["statusName"]} · {json["typeName"]}\n> {json["customer"]} · {json["assignee"]}\n[{json["link"]}]({json["link"]})";
    }
}
