using System.Net;
using System.Net.Http.Headers;
using System.Text.RegularExpressions;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Visits;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// The portal's request form beyond subject and description: the type's public custom fields checked like the staff form, photos and
/// PDFs checked by their content and kept as the request's attachments; and the customer's confirmation of the resolution through the
/// workflow, the rating link and the service reports on the request's page.
/// </summary>
public sealed partial class PortalRequestFormShould(PortalFactory factory) : IClassFixture<PortalFactory>
{
    private static readonly byte[] Png = [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52, 1, 2, 3];
    private static readonly byte[] Pdf = "%PDF-1.7\n1 0 obj<<>>endobj\n%%EOF"u8.ToArray();
    private static readonly RequestActor Dispatcher = new("dispatcher-id", "Dispatcher", new HashSet<string> { Roles.Dispatcher });

    [Fact]
    public async Task KeepAPhotoAndAPdfAsTheRequestsAttachmentsForTheStaff()
    {
        await factory.CreateAccountAsync("demo", "C1001", "files@customer.example");
        var customer = await SignedInAsync("files@customer.example");

        var (response, html) = await PostAsync(customer, await TypeAsync("REMOTE"), "Screen flickers", files: [("photo.png", Png), ("invoice.pdf", Pdf)]);

        Assert.True(response.StatusCode == HttpStatusCode.Redirect, html);
        var number = Http.RedirectPath(response)!.Split('/')[^1];
        await using var scope = await factory.TenantScopeAsync("demo");
        var attachments = scope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var listed = await attachments.ListAsync((await attachments.FindRequestAsync(number))!.Value);
        Assert.Equal(["invoice.pdf", "photo.png"], listed.Select(a => a.FileName).Order());
        Assert.Equal("application/pdf", listed.Single(a => a.FileName == "invoice.pdf").ContentType);
        Assert.All(listed, a => Assert.Equal("files@customer.example", a.UploadedBy));
        var (_, page) = await customer.GetPageAsync($"/t/demo/portal/requests/{number}");
        Assert.Contains("photo.png", page, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("big.png", "TooLarge")]
    [InlineData("page.pdf", "Content")]
    [InlineData("script.exe", "Type")]
    [InlineData("disguised.jpg", "Content")]
    public async Task RefuseAFileThatIsTooLargeOrNotWhatItsNameSaysAndSaveNothing(string fileName, string reason)
    {
        await factory.CreateAccountAsync("demo", "C1002", $"refused-{reason}-{fileName}@customer.example");
        var customer = await SignedInAsync($"refused-{reason}-{fileName}@customer.example");
        var content = reason switch
        {
            "TooLarge" => [.. Png, .. new byte[PortalFactory.MaxAttachmentBytes]],
            // An HTML page or an executable renamed: the extension is allowed, the content is not.
            _ => "<html><script>alert(1)</script></html>"u8.ToArray(),
        };
        var subject = $"Refused {fileName}";

        var (response, html) = await PostAsync(customer, await TypeAsync("REMOTE"), subject, files: [("fine.png", Png), (fileName, content)]);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var message = reason switch
        {
            "TooLarge" => "big.png is larger than 64 KB.",
            "Type" => "script.exe: only photos or PDF files can be attached",
            _ => $"{fileName} is not the kind of file its name says.",
        };
        Assert.Contains(message, WebUtility.HtmlDecode(html), StringComparison.Ordinal);
        Assert.Contains("Nothing was saved yet", html, StringComparison.Ordinal);
        await using var scope = await factory.TenantScopeAsync("demo");
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>().Create();
        Assert.False(await db.ServiceRequests.AnyAsync(r => r.Subject == subject));
        Assert.False(await db.RequestAttachments.AnyAsync(a => a.FileName == "fine.png" || a.FileName == fileName));
    }

    [Fact]
    public async Task RefuseMoreFilesThanTheLimit()
    {
        await factory.CreateAccountAsync("demo", "C1003", "many@customer.example");
        var customer = await SignedInAsync("many@customer.example");

        var (response, html) = await PostAsync(customer, await TypeAsync("REMOTE"), "Too many photos",
            files: Enumerable.Range(1, 6).Select(i => ($"p{i}.png", Png)).ToArray());

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("At most 5 files can be attached.", html, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseAPostLargerThanEveryAllowedFileTogetherUnreadAndSayWhyOnTheForm()
    {
        await factory.CreateAccountAsync("demo", "C1008", "huge@customer.example");
        var customer = await SignedInAsync("huge@customer.example");
        var huge = new byte[5 * PortalFactory.MaxAttachmentBytes + 2 * 1024 * 1024];
        Png.CopyTo(huge, 0);

        var (response, _) = await PostAsync(customer, await TypeAsync("REMOTE"), "Huge video", files: [("video.png", huge)]);
        var (form, html) = await customer.GetPageAsync(Http.RedirectPath(response)!);

        Assert.Equal(HttpStatusCode.SeeOther, response.StatusCode);
        Assert.Equal(HttpStatusCode.OK, form.StatusCode);
        Assert.Contains("too large together, so nothing was saved", html, StringComparison.Ordinal);
        await using var scope = await factory.TenantScopeAsync("demo");
        var requests = await scope.ServiceProvider.GetRequiredService<RequestDesk>().SearchAsync(new RequestQuery(Search: "Huge video"));
        Assert.Empty(requests.Items);
    }

    [Fact]
    public async Task AskForTheTypesPublicFieldsOnlyAndCheckThemLikeTheStaffForm()
    {
        var type = await TypeAsync("CONSULT");
        await PublishFormAsync(type,
            new FieldDefinition { Key = "model_label", Kind = FieldKind.Text, LabelZh = "铭牌型号", LabelEn = "Model on the label", Required = true, Public = true, MaxLength = 10 },
            new FieldDefinition { Key = "bought_on", Kind = FieldKind.Date, LabelZh = "购买日期", LabelEn = "Bought on", Public = true },
            new FieldDefinition { Key = "internal_rank", Kind = FieldKind.Number, LabelZh = "内部评级", LabelEn = "Internal rank", Required = true });
        await factory.CreateAccountAsync("demo", "C1004", "fields@customer.example");
        var customer = await SignedInAsync("fields@customer.example");
        var form = await customer.GetStringAsync("/t/demo/portal/requests/new");
        var prefix = $"Fields.{type:N}.";

        var (missing, missingHtml) = await PostAsync(customer, type, "No model", new() { [prefix + "bought_on"] = "2026-01-15" });
        var (tooLong, tooLongHtml) = await PostAsync(customer, type, "Long model", new() { [prefix + "model_label"] = "ABCDEFGHIJKLMN" });
        var (hidden, _) = await PostAsync(customer, type, "Sneaky", new() { [prefix + "model_label"] = "KFR-35", [prefix + "internal_rank"] = "9" });
        var (saved, savedHtml) = await PostAsync(customer, type, "With model", new() { [prefix + "model_label"] = "KFR-35", [prefix + "bought_on"] = "2026-01-15" });

        Assert.Contains($"name=\"{prefix}model_label\"", form, StringComparison.Ordinal);
        Assert.DoesNotContain("internal_rank", form, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, missing.StatusCode);
        Assert.Contains("Model on the label is required.", missingHtml, StringComparison.Ordinal);
        Assert.Contains("Model on the label can have at most 10 characters.", tooLongHtml, StringComparison.Ordinal);
        Assert.True(saved.StatusCode == HttpStatusCode.Redirect, savedHtml);
        Assert.Equal(HttpStatusCode.Redirect, hidden.StatusCode);
        await using var scope = await factory.TenantScopeAsync("demo");
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>().Create();
        var ids = await db.ServiceRequests.Where(r => r.Subject == "With model" || r.Subject == "Sneaky").ToDictionaryAsync(r => r.Subject, r => r.Id);
        var values = await scope.ServiceProvider.GetRequiredService<RequestDesk>().CustomFieldsAsync(ids.Values.ToList());
        var withModel = values[ids["With model"]];
        Assert.Equal("KFR-35", withModel["model_label"]);
        Assert.Equal("2026-01-15", withModel["bought_on"]);
        // A staff-only field a customer slips into the post is not theirs to fill: the server reads only the public ones.
        Assert.False(values.GetValueOrDefault(ids["Sneaky"])?.ContainsKey("internal_rank") ?? false);
        Assert.False(await db.ServiceRequests.AnyAsync(r => r.Subject == "No model" || r.Subject == "Long model"));
    }

    [Fact]
    public async Task ConfirmTheResolutionThroughTheWorkflowAndOfferTheSignedRatingLink()
    {
        await factory.CreateAccountAsync("demo", "C1005", "confirm@customer.example");
        var customer = await SignedInAsync("confirm@customer.example");
        var (created, _) = await PostAsync(customer, await TypeAsync("REMOTE"), "Cannot log in");
        var number = Http.RedirectPath(created)!.Split('/')[^1];
        var (_, waiting) = await customer.GetPageAsync($"/t/demo/portal/requests/{number}");
        var (early, _) = await customer.PostFormAsync($"/t/demo/portal/requests/{number}", "portal-confirm", new Dictionary<string, string> { ["Confirm.Stamp"] = "x" });
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            await MoveAsync(scope, number, "Assign", (await scope.ServiceProvider.GetRequiredService<IAssigneeDirectory>().InRoleAsync(Roles.Engineer))[0].UserId);
            await MoveAsync(scope, number, "Process");
            await MoveAsync(scope, number, "StartReturnVisit");
        }

        var (_, resolved) = await customer.GetPageAsync($"/t/demo/portal/requests/{number}");
        var rating = RatingLink().Match(resolved).Groups[1].Value;
        var (confirmed, _) = await customer.PostFormAsync($"/t/demo/portal/requests/{number}", "portal-confirm",
            new Dictionary<string, string> { ["Confirm.Stamp"] = Http.Hidden(resolved, "Confirm.Stamp") });
        var (_, closed) = await customer.GetPageAsync(Http.RedirectPath(confirmed)!);

        Assert.DoesNotContain("data-testid=\"portal-confirm\"", waiting, StringComparison.Ordinal);
        // Not offered while the request waits for assignment, so not accepted either.
        Assert.NotEqual(HttpStatusCode.Redirect, early.StatusCode);
        Assert.Contains("data-testid=\"portal-confirm\"", resolved, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Redirect, confirmed.StatusCode);
        Assert.Contains("data-testid=\"portal-confirmed-done\"", closed, StringComparison.Ordinal);
        Assert.DoesNotContain("data-testid=\"portal-confirm\"", closed, StringComparison.Ordinal);
        await using var check = await factory.TenantScopeAsync("demo");
        var desk = check.ServiceProvider.GetRequiredService<RequestDesk>();
        var request = (await desk.GetAsync(number))!;
        Assert.Equal("Closed", request.Status);
        var timeline = await desk.TimelineAsync(request.Id);
        Assert.Contains(timeline, e => e.Kind == RequestEventKind.StatusChanged && e.ToStatus == "Closed");
        Assert.Contains(timeline, e => e.IsPublic && e.By == "confirm@customer.example" && e.Text == "The customer confirmed the problem is solved.");
        // The rating button is the return visit's own signed link, the one the mail carries: it opens the visit for this request.
        var visit = await check.ServiceProvider.GetRequiredService<IDbFactory<IVisitsDb>>().Create().ReturnVisits.SingleAsync(v => v.ServiceRequestId == request.Id);
        var link = check.ServiceProvider.GetRequiredService<VisitLinks>().Read(Uri.UnescapeDataString(rating.Split('/')[^1]), visit.TenantId);
        Assert.Equal((VisitLinkState.Valid, visit.Id), (link.State, link.VisitId));
        var (ratingPage, _) = await customer.GetPageAsync("/t/demo/" + rating);
        Assert.Equal(HttpStatusCode.OK, ratingPage.StatusCode);
    }

    /// <summary>A signed-in customer reading the portal in English, so the messages can be compared.</summary>
    private async Task<HttpClient> SignedInAsync(string email)
    {
        var customer = await factory.SignedInCustomerAsync("demo", email);
        Assert.Equal(HttpStatusCode.Redirect, (await customer.GetAsync("/t/demo/culture/set?culture=en&returnUrl=/t/demo/portal")).StatusCode);
        return customer;
    }

    private async Task MoveAsync(AsyncServiceScope scope, string number, string transition, string? assignee = null)
    {
        var values = new Dictionary<string, string?>();
        if (assignee is not null)
        {
            values[TransitionForm.AssigneeField] = assignee;
        }

        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var fired = await scope.ServiceProvider.GetRequiredService<RequestWorkflow>().FireAsync(number, transition, values, null,
            (await desk.GetAsync(number))!.ConcurrencyStamp, Dispatcher);
        Assert.Equal(ActionStatus.Done, fired.Status);
    }

    private async Task<Guid> TypeAsync(string code)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        return (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync(code))!.Id;
    }

    private async Task PublishFormAsync(Guid typeId, params FieldDefinition[] fields)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var forms = scope.ServiceProvider.GetRequiredService<FormBook>();
        var key = FormKeys.ForServiceType(typeId);
        var design = await forms.DesignAsync(key);
        var draft = await forms.SaveDraftAsync(key, new FormSchema { Sections = [new FormSection { Fields = [.. fields] }] }, design.DraftStamp, "Admin");
        Assert.Equal(DesignSaveStatus.Saved, (await forms.PublishAsync(key, draft.Stamp!, "Admin")).Status);
    }

    /// <summary>Posts the new-request form as a browser does with files chosen: multipart, with the antiforgery token and the handler.</summary>
    private static async Task<(HttpResponseMessage Response, string Html)> PostAsync(
        HttpClient customer, Guid type, string subject, Dictionary<string, string>? fields = null, (string Name, byte[] Content)[]? files = null)
    {
        var form = await customer.GetStringAsync("/t/demo/portal/requests/new");
        using var content = new MultipartFormDataContent
        {
            { new StringContent("portal-request"), "_handler" },
            { new StringContent(Http.Hidden(form, "__RequestVerificationToken")), "__RequestVerificationToken" },
            { new StringContent(type.ToString()), "Input.ServiceTypeId" },
            { new StringContent(""), "Input.SerialNumber" },
            { new StringContent(subject), "Input.Subject" },
            { new StringContent("Since Monday"), "Input.Description" },
        };
        foreach (var (name, value) in fields ?? [])
        {
            content.Add(new StringContent(value), name);
        }

        foreach (var (name, bytes) in files ?? [])
        {
            var file = new ByteArrayContent(bytes);
            file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
            content.Add(file, "Files", name);
        }

        var response = await customer.PostAsync("/t/demo/portal/requests/new", content);
        return (response, await response.Content.ReadAsStringAsync());
    }

    [GeneratedRegex("href=\"(portal/visit/[^\"]+)\" data-testid=\"portal-request-rate\"")]
    private static partial Regex RatingLink();
}
