using System.Net;
using System.Text.Json.Nodes;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Webhooks;

namespace AfterSales.Modules.Tests.Outbox;

/// <summary>Signatures against vectors computed outside .NET (Python's hmac), bodies per platform, what counts as accepted, back-off.</summary>
public sealed class WebhookRulesShould
{
    private const string Payload = """{"event":"request.locked","number":"SR-1","subject":"空调","statusName":"已锁定","typeName":"上门","customer":"华东","assignee":"王工","company":"演示","link":"/t/demo/requests/SR-1"}""";

    [Fact]
    public void SignAsEachPlatformDocuments()
    {
        Assert.Equal("lkcPI1uoxBY1gUnCnnPH1Kkru0Hqjo7rFpA3haIVhEQ=", WebhookRules.DingTalkSign("SEC123", 1700000000000));
        Assert.Equal("VIS10b0EBvzzSdFnuk4tznEmK5wHaruvf/WnViv2yR4=", WebhookRules.FeishuSign("abc", 1700000000));
        Assert.Equal("t=1700000000,v1=1698a50bc74d1ff1db85c4e0a5297c2ad9fdba245d5737cdb789e4cc6e098940",
            WebhookRules.GenericSignature("s3cret", 1700000000, """{"a":1}"""));
    }

    [Fact]
    public void LetAReceiverRejectAnAlteredOrOldCall()
    {
        var header = WebhookRules.GenericSignature("s3cret", 1700000000, """{"a":1}""");

        Assert.True(WebhookRules.VerifyGeneric("s3cret", header, """{"a":1}""", 1700000100));
        Assert.False(WebhookRules.VerifyGeneric("s3cret", header, """{"a":2}""", 1700000100));
        Assert.False(WebhookRules.VerifyGeneric("other", header, """{"a":1}""", 1700000100));
        Assert.False(WebhookRules.VerifyGeneric("s3cret", header, """{"a":1}""", 1700001000));
        Assert.False(WebhookRules.VerifyGeneric("s3cret", "v1=abc", """{"a":1}""", 1700000000));
    }

    [Fact]
    public async Task PostEachPlatformItsOwnMessage()
    {
        var at = DateTimeOffset.FromUnixTimeSeconds(1700000000);
        using var generic = WebhookRules.Request(WebhookKind.Generic, "https://erp.example/hook", "s3cret", "request.locked", 7, Payload, at);
        using var ding = WebhookRules.Request(WebhookKind.DingTalk, "https://oapi.dingtalk.com/robot/send?access_token=x", "SEC123", "request.locked", 8, Payload, at);
        using var feishu = WebhookRules.Request(WebhookKind.Feishu, "https://open.feishu.cn/open-apis/bot/v2/hook/x", "abc", "request.locked", 9, Payload, at);
        using var wecom = WebhookRules.Request(WebhookKind.WeCom, "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=x", null, "request.locked", 10, Payload, at);

        Assert.Equal(Payload, await generic.Content!.ReadAsStringAsync());
        Assert.True(WebhookRules.VerifyGeneric("s3cret", generic.Headers.GetValues(WebhookRules.SignatureHeader).Single(), Payload, 1700000000));
        Assert.Equal("7", generic.Headers.GetValues(WebhookRules.DeliveryHeader).Single());
        Assert.Equal("https://oapi.dingtalk.com/robot/send?access_token=x&timestamp=1700000000000&sign=" + WebUtility.UrlEncode(WebhookRules.DingTalkSign("SEC123", 1700000000000)),
            ding.RequestUri!.ToString());
        Assert.Equal("markdown", JsonNode.Parse(await ding.Content!.ReadAsStringAsync())!["msgtype"]!.GetValue<string>());
        var lark = JsonNode.Parse(await feishu.Content!.ReadAsStringAsync())!;
        Assert.Equal(("1700000000", "VIS10b0EBvzzSdFnuk4tznEmK5wHaruvf/WnViv2yR4=", "text"),
            (lark["timestamp"]!.GetValue<string>(), lark["sign"]!.GetValue<string>(), lark["msg_type"]!.GetValue<string>()));
        Assert.Contains("SR-1", lark["content"]!["text"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Contains("**SR-1**", JsonNode.Parse(await wecom.Content!.ReadAsStringAsync())!["markdown"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.False(wecom.Headers.Contains(WebhookRules.SignatureHeader));
    }

    [Theory]
    [InlineData(WebhookKind.Generic, 204, "", true)]
    [InlineData(WebhookKind.Generic, 500, "", false)]
    [InlineData(WebhookKind.DingTalk, 200, """{"errcode":0,"errmsg":"ok"}""", true)]
    [InlineData(WebhookKind.DingTalk, 200, """{"errcode":310000,"errmsg":"sign not match"}""", false)]
    [InlineData(WebhookKind.Feishu, 200, """{"code":19021,"msg":"sign match fail"}""", false)]
    [InlineData(WebhookKind.Feishu, 200, """{"code":0,"msg":"success"}""", true)]
    [InlineData(WebhookKind.WeCom, 200, "not json", false)]
    public void CountACallAcceptedOnlyWhenThePlatformSaysSo(WebhookKind kind, int status, string body, bool accepted) =>
        Assert.Equal(accepted, WebhookRules.Accepted(kind, (HttpStatusCode)status, body));

    [Fact]
    public void RefuseUrlsThatAreNotHttpsExceptOnThisMachine()
    {
        Assert.Null(WebhookRules.UrlError("https://erp.example/hook"));
        Assert.Null(WebhookRules.UrlError("http://localhost:5000/hook"));
        Assert.Equal("Webhooks.Validation.Https", WebhookRules.UrlError("http://erp.example/hook"));
        Assert.Equal("Webhooks.Validation.Url", WebhookRules.UrlError("erp.example/hook"));
        Assert.Equal("Webhooks.Validation.Https", WebhookRules.UrlError("ftp://erp.example/hook"));
    }

    [Fact]
    public void WaitLongerAfterEachFailureAndGiveUpAfterTheSixth()
    {
        var delivery = new WebhookDelivery { NextAttemptAt = DateTimeOffset.UnixEpoch };
        var now = DateTimeOffset.FromUnixTimeSeconds(1700000000);
        var waits = new List<TimeSpan>();
        for (var i = 0; i < 6; i++)
        {
            NotificationRules.Fail(delivery, "HTTP 500", now, WebhookRules.Backoff);
            waits.Add(delivery.NextAttemptAt - now);
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2), TimeSpan.FromHours(6)], waits.Take(5));
        Assert.Equal((DeliveryStatus.Failed, 6, "HTTP 500"), (delivery.Status, delivery.Attempts, delivery.LastError));
    }

    [Theory]
    [InlineData("127.0.0.1", true)]
    [InlineData("10.1.2.3", true)]
    [InlineData("172.16.0.1", true)]
    [InlineData("172.32.0.1", false)]
    [InlineData("192.168.1.10", true)]
    [InlineData("169.254.169.254", true)]
    [InlineData("100.64.0.1", true)]
    [InlineData("0.0.0.0", true)]
    [InlineData("::1", true)]
    [InlineData("fd00::1", true)]
    [InlineData("fe80::1", true)]
    [InlineData("::ffff:10.0.0.1", true)]
    [InlineData("8.8.8.8", false)]
    [InlineData("203.119.129.50", false)]
    [InlineData("2400:3200::1", false)]
    public void TellInternalAddressesFromPublicOnes(string address, bool isInternal) =>
        Assert.Equal(isInternal, WebhookAddresses.IsInternal(System.Net.IPAddress.Parse(address)));

    [Theory]
    [InlineData("http://localhost:5000/hook", true)]
    [InlineData("https://169.254.169.254/latest/meta-data", true)]
    [InlineData("https://[::1]/hook", true)]
    [InlineData("https://10.0.0.5/erp", true)]
    [InlineData("https://erp.example/hook", false)]
    [InlineData("https://8.8.8.8/hook", false)]
    public void SeeAnInternalHostInTheUrlItself(string url, bool isInternal) =>
        Assert.Equal(isInternal, WebhookAddresses.NamesInternalHost(new Uri(url)));

    [Theory]
    [InlineData("https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=693axxx6-7aoc-4bc4-97a0-0ec2sifa5aaa", "https://qyapi.weixin.qq.com/cgi-bin/webhook/send?key=…")]
    [InlineData("https://oapi.dingtalk.com/robot/send?access_token=abc&x", "https://oapi.dingtalk.com/robot/send?access_token=…&x")]
    [InlineData("https://open.feishu.cn/open-apis/bot/v2/hook/0a1b2c3d-4e5f-6789-abcd-ef0123456789", "https://open.feishu.cn/open-apis/bot/v2/hook/0a1b…")]
    [InlineData("https://erp.example/hooks/aftersales", "https://erp.example/hooks/aftersales")]
    public void HideTheKeysRobotsCarryInTheirUrls(string url, string shown) =>
        Assert.Equal(shown, WebhookRules.Display(url));

    [Fact]
    public void RenderTemplatesAndEscapeValuesInMail()
    {
        var values = new Dictionary<string, string?> { ["number"] = "SR-1", ["customer"] = "<b>Acme</b>" };

        Assert.Equal("SR-1 for <b>Acme</b>", NotificationRules.Render("{{number}} for {{ customer }}", values));
        Assert.Equal("SR-1<br>&lt;b&gt;Acme&lt;/b&gt; &amp; co", NotificationRules.Html("{{number}}\n{{customer}} & co", values));
        Assert.Equal(["nonsense"], NotificationRules.UnknownPlaceholders("{{number}} {{nonsense}}"));
    }
}
