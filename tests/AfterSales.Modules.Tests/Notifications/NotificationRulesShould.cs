using AfterSales.Modules.Notifications;

namespace AfterSales.Modules.Tests.Notifications;

/// <summary>Templates filled and checked, e-mail bodies escaped, and the back-off of a failing delivery.</summary>
public sealed class NotificationRulesShould
{
    private static readonly Dictionary<string, string?> Values = new()
    {
        ["number"] = "SR-20261123-0001", ["subject"] = "<script>alert(1)</script> & \"quotes\"", ["customer"] = "华东商贸", ["assignee"] = null,
    };

    [Fact]
    public void FillEveryPlaceholderAndLeaveEmptyWhatTheRequestLacks()
    {
        var text = NotificationRules.Render("工单 {{number}}（{{ customer }}）处理人：{{assignee}}。", Values);

        Assert.Equal("工单 SR-20261123-0001（华东商贸）处理人：。", text);
    }

    [Fact]
    public void EscapeTheValuesAndTheWordingOfAnEmailButNotOfTheBell()
    {
        var html = NotificationRules.Html("Subject: {{subject}}\n<b>{{number}}</b>", Values);
        var plain = NotificationRules.Render("{{subject}}", Values);

        Assert.Equal("Subject: &lt;script&gt;alert(1)&lt;/script&gt; &amp; &quot;quotes&quot;<br>&lt;b&gt;SR-20261123-0001&lt;/b&gt;", html);
        Assert.Equal("<script>alert(1)</script> & \"quotes\"", plain);
    }

    [Fact]
    public void NameThePlaceholdersThatDoNotExist()
    {
        Assert.Equal(["nonsense", "Number"], NotificationRules.UnknownPlaceholders("{{number}} {{nonsense}} {{ nonsense }} {{Number}} {{link}}"));
        Assert.Empty(NotificationRules.UnknownPlaceholders(string.Join(" ", NotificationRules.Placeholders.Select(p => "{{" + p + "}}"))));
        Assert.Empty(NotificationRules.UnknownPlaceholders("{single} {{ }} no placeholders"));
    }

    [Fact]
    public void RefuseATemplateWithoutTextTooLongOrWithAnUnknownPlaceholder()
    {
        var errors = NotificationBook.Validate(new TemplateInput
        {
            Key = new string('k', NotificationRules.KeyLength + 1),
            SubjectZh = "  ",
            SubjectEn = new string('x', NotificationRules.SubjectLength + 1),
            BodyZh = "{{number}} {{total}}",
            BodyEn = "{{number}} {{link}}",
        });

        Assert.Equal(new Dictionary<string, string>
        {
            ["Key"] = "Notifications.Validation.Key",
            ["SubjectZh"] = "Notifications.Validation.Required",
            ["SubjectEn"] = "Notifications.Validation.Length",
            ["BodyZh"] = "Notifications.Validation.Placeholder",
        }, errors);
        Assert.Empty(NotificationBook.Validate(new TemplateInput { Key = "a.b", SubjectZh = "{{number}}", SubjectEn = "x", BodyZh = "y", BodyEn = "z" }));
    }

    [Fact]
    public void WaitLongerAfterEachFailureAndGiveUpAfterTheFifth()
    {
        var now = new DateTimeOffset(2026, 11, 23, 8, 0, 0, TimeSpan.FromHours(8));
        var delivery = new OutboxMessage { Status = DeliveryStatus.Pending };
        var waits = new List<TimeSpan>();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            NotificationRules.Fail(delivery, attempt == 5 ? new string('e', 1500) : "550 mailbox refused", now);
            if (delivery.Status == DeliveryStatus.Pending)
            {
                waits.Add(delivery.NextAttemptAt - now);
                Assert.Equal(TimeSpan.Zero, delivery.NextAttemptAt.Offset);
            }
        }

        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(5), TimeSpan.FromMinutes(30), TimeSpan.FromHours(2)], waits);
        Assert.Equal((DeliveryStatus.Failed, 5, 1000), (delivery.Status, delivery.Attempts, delivery.LastError!.Length));
        Assert.Null(NotificationRules.Backoff(0));
    }
}
