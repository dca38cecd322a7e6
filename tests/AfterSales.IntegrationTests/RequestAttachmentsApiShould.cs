using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AfterSales.IntegrationTests.Infrastructure;

namespace AfterSales.IntegrationTests;

/// <summary>Attachments through the API (client-credentials tokens) and the staff download URL (sign-in cookie).</summary>
public sealed class RequestAttachmentsApiShould(AttachmentsAppFactory factory) : IClassFixture<AttachmentsAppFactory>
{
    [Fact]
    public async Task UploadListAndDownloadFilesAndShowThemOnTheTimeline()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");
        var number = await NewRequestAsync(client);
        var photo = Bytes(5000, 1);
        var report = Bytes(1200, 2);

        var upload = await client.PostAsync($"/api/v1/service-requests/{number}/attachments",
            Multipart(("files", "C:\\fakepath\\漏水照片.jpg", "image/jpeg", photo), ("files", "report.pdf", "application/pdf", report)));
        using var created = JsonDocument.Parse(await upload.TextAsync());
        using var listed = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests/{number.ToLowerInvariant()}/attachments")).TextAsync());
        var first = listed.RootElement.EnumerateArray().Single(a => a.GetProperty("fileName").GetString() == "漏水照片.jpg");
        var download = await client.GetAsync(first.GetProperty("url").GetString());
        using var request = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests/{number}")).TextAsync());

        Assert.Equal(HttpStatusCode.Created, upload.StatusCode);
        Assert.Equal(2, created.RootElement.GetArrayLength());
        Assert.Equal(["report.pdf", "漏水照片.jpg"], listed.RootElement.EnumerateArray().Select(a => a.GetProperty("fileName").GetString()).Order(StringComparer.Ordinal));
        Assert.Equal((5000, "image/jpeg", "ERP"), (first.GetProperty("size").GetInt32(), first.GetProperty("contentType").GetString(), first.GetProperty("uploadedBy").GetString()));
        Assert.Equal(HttpStatusCode.OK, download.StatusCode);
        Assert.Equal(photo, await download.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/jpeg", download.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("漏水照片.jpg", download.Content.Headers.ContentDisposition?.FileNameStar);
        Assert.Equal("nosniff", download.Headers.GetValues("X-Content-Type-Options").Single());
        var added = request.RootElement.GetProperty("timeline").EnumerateArray().Where(e => e.GetProperty("kind").GetString() == "AttachmentAdded").ToList();
        Assert.Equal(["report.pdf", "漏水照片.jpg"], added.Select(e => e.GetProperty("text").GetString()).Order(StringComparer.Ordinal));
        Assert.All(added, e => Assert.Equal("ERP", e.GetProperty("by").GetString()));
    }

    [Fact]
    public async Task RefuseDisallowedTypesAndOversizeFilesNamingEachAndKeepNothing()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");
        var number = await NewRequestAsync(client);
        var filesBefore = StoredFiles();

        var response = await client.PostAsync($"/api/v1/service-requests/{number}/attachments", Multipart(
            ("files", "fine.png", "image/png", Bytes(100, 3)),
            ("files", "setup.exe", "application/octet-stream", Bytes(100, 4)),
            ("files", "manual.pdf", "application/pdf", Bytes(AttachmentsAppFactory.MaxBytes + 1, 5)),
            ("files", "page.jpg", "text/html", Bytes(100, 6))));
        using var problem = JsonDocument.Parse(await response.TextAsync());
        var errors = problem.RootElement.GetProperty("errors");
        using var listed = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests/{number}/attachments")).TextAsync());

        Http.AssertProblem(response, HttpStatusCode.BadRequest);
        Assert.Equal(["manual.pdf", "page.jpg", "setup.exe"], errors.EnumerateObject().Select(e => e.Name).Order(StringComparer.Ordinal));
        Assert.Contains("setup.exe", errors.GetProperty("setup.exe")[0].GetString());
        Assert.Contains("64 KB", errors.GetProperty("manual.pdf")[0].GetString());
        Assert.Contains("text/html", errors.GetProperty("page.jpg")[0].GetString());
        Assert.Equal(0, listed.RootElement.GetArrayLength());
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task ExplainARefusalInTheTenantsLanguage()
    {
        async Task<string> RefusalAsync(HttpClient client)
        {
            var response = await client.PostAsync($"/api/v1/service-requests/{await NewRequestAsync(client, "CONSULT")}/attachments",
                Multipart(("files", "setup.exe", "application/octet-stream", Bytes(10, 7))));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            using var problem = JsonDocument.Parse(await response.TextAsync());
            return problem.RootElement.GetProperty("errors").GetProperty("setup.exe")[0].GetString()!;
        }

        var chinese = await RefusalAsync(await ClientAsync("demo-erp", "demo-erp-secret"));
        var english = await RefusalAsync(await ClientAsync("acme-erp", "acme-erp-secret"));

        Assert.StartsWith("setup.exe：不支持此类文件。允许的类型：jpg, jpeg, png", chinese, StringComparison.Ordinal);
        Assert.StartsWith("setup.exe: files of this type are not accepted. Allowed: jpg, jpeg, png", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RefuseMoreFilesThanARequestHolds()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");
        var number = await NewRequestAsync(client);
        var url = $"/api/v1/service-requests/{number}/attachments";
        var all = Enumerable.Range(1, AttachmentsAppFactory.MaxFilesPerRequest).Select(i => ("files", $"photo{i}.jpg", "image/jpeg", Bytes(10, i))).ToArray();

        var full = await client.PostAsync(url, Multipart(all));
        var oneMore = await client.PostAsync(url, Multipart(("files", "more.jpg", "image/jpeg", Bytes(10, 9))));
        using var problem = JsonDocument.Parse(await oneMore.TextAsync());

        Assert.Equal(HttpStatusCode.Created, full.StatusCode);
        Http.AssertProblem(oneMore, HttpStatusCode.BadRequest);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("files", out _));
    }

    [Fact]
    public async Task RefuseABodyThatIsNotAFormOrHasNoFile()
    {
        var client = await ClientAsync("demo-erp", "demo-erp-secret");
        var number = await NewRequestAsync(client);

        var json = await client.PostAsJsonAsync($"/api/v1/service-requests/{number}/attachments", new { fileName = "x.jpg" });
        var empty = await client.PostAsync($"/api/v1/service-requests/{number}/attachments", new MultipartFormDataContent { { new StringContent("v"), "field" } });

        using var problem = JsonDocument.Parse(await empty.TextAsync());

        Http.AssertProblem(json, HttpStatusCode.UnsupportedMediaType);
        Http.AssertProblem(empty, HttpStatusCode.BadRequest);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("files", out _));
    }

    [Fact]
    public async Task AnswerAnotherTenantsRequestAndAttachmentWith404()
    {
        var demo = await ClientAsync("demo-erp", "demo-erp-secret");
        var number = await NewRequestAsync(demo);
        using var created = JsonDocument.Parse(await (await demo.PostAsync($"/api/v1/service-requests/{number}/attachments",
            Multipart(("files", "secret.pdf", "application/pdf", Bytes(300, 8))))).TextAsync());
        var id = created.RootElement[0].GetProperty("id").GetGuid();
        var acme = await ClientAsync("acme-erp", "acme-erp-secret");
        var acmeNumber = await NewRequestAsync(acme, "CONSULT");
        var filesBefore = StoredFiles();

        var list = await acme.GetAsync($"/api/v1/service-requests/{number}/attachments");
        var upload = await acme.PostAsync($"/api/v1/service-requests/{number}/attachments", Multipart(("files", "planted.jpg", "image/jpeg", Bytes(10, 1))));
        var download = await acme.GetAsync($"/api/v1/service-requests/{number}/attachments/{id}");
        var viaOwnRequest = await acme.GetAsync($"/api/v1/service-requests/{acmeNumber}/attachments/{id}");
        var viaOtherRequestOfDemo = await demo.GetAsync($"/api/v1/service-requests/{await NewRequestAsync(demo)}/attachments/{id}");

        Http.AssertProblem(list, HttpStatusCode.NotFound);
        Http.AssertProblem(upload, HttpStatusCode.NotFound);
        Http.AssertProblem(download, HttpStatusCode.NotFound);
        Http.AssertProblem(viaOwnRequest, HttpStatusCode.NotFound);
        Assert.Equal(HttpStatusCode.NotFound, viaOtherRequestOfDemo.StatusCode);
        Assert.Equal(filesBefore, StoredFiles());
    }

    [Fact]
    public async Task LetStaffDownloadTheirTenantsAttachmentsOnly()
    {
        var demo = await ClientAsync("demo-erp", "demo-erp-secret");
        var number = await NewRequestAsync(demo);
        var content = Encoding.UTF8.GetBytes("序列号,故障\nKT35-2024-0001,不制冷\n");
        using var created = JsonDocument.Parse(await (await demo.PostAsync($"/api/v1/service-requests/{number}/attachments",
            Multipart(("files", "故障清单.csv", "application/vnd.ms-excel", content)))).TextAsync());
        var id = created.RootElement[0].GetProperty("id").GetGuid();
        var demoStaff = factory.CreateBrowser();
        await demoStaff.LoginAsync("/t/demo", "engineer@demo.example");
        var acmeStaff = factory.CreateBrowser();
        await acmeStaff.LoginAsync("/t/acme", "admin@acme.example");

        var own = await demoStaff.GetAsync($"/t/demo/files/requests/{id}");
        var foreign = await acmeStaff.GetAsync($"/t/acme/files/requests/{id}");
        var anonymous = await factory.CreateBrowser().GetAsync($"/t/demo/files/requests/{id}");

        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Equal(content, await own.Content.ReadAsByteArrayAsync());
        Assert.Equal("text/csv", own.Content.Headers.ContentType?.MediaType);
        Assert.Equal("attachment", own.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("nosniff", own.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Http.AssertRedirectToLogin(anonymous, "/t/demo");
    }

    [Fact]
    public async Task ShowTheAttachmentsOnTheRequestsPageWithTheirTimelineLines()
    {
        var demo = await ClientAsync("demo-erp", "demo-erp-secret");
        var number = await NewRequestAsync(demo);
        var empty = factory.CreateBrowser();
        await empty.LoginAsync("/t/demo", "engineer@demo.example");
        var (_, before) = await empty.GetPageAsync($"/t/demo/requests/{number}");
        using var created = JsonDocument.Parse(await (await demo.PostAsync($"/api/v1/service-requests/{number}/attachments",
            Multipart(("files", "压缩机.jpg", "image/jpeg", Bytes(3000, 1))))).TextAsync());
        var id = created.RootElement[0].GetProperty("id").GetGuid();

        var (page, html) = await empty.GetPageAsync($"/t/demo/requests/{number}");

        Assert.Contains("暂无附件", before, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Contains($"href=\"files/requests/{id}\"", html, StringComparison.Ordinal);
        Assert.Contains("2.9 KB", html, StringComparison.Ordinal);
        Assert.Contains("添加附件：压缩机.jpg", html, StringComparison.Ordinal);
        // The API client uploaded it and an engineer is not a manager: no delete button.
        Assert.DoesNotContain($"attachment-delete-{id}", html, StringComparison.Ordinal);
    }

    private int StoredFiles() =>
        Directory.Exists(factory.StorageRoot) ? Directory.EnumerateFiles(factory.StorageRoot, "*", SearchOption.AllDirectories).Count() : 0;

    private static byte[] Bytes(int length, int seed)
    {
        var bytes = new byte[length];
        new Random(seed).NextBytes(bytes);
        return bytes;
    }

    private static MultipartFormDataContent Multipart(params (string Field, string FileName, string ContentType, byte[] Content)[] files)
    {
        var form = new MultipartFormDataContent();
        foreach (var (field, fileName, contentType, content) in files)
        {
            var part = new ByteArrayContent(content);
            part.Headers.ContentType = new MediaTypeHeaderValue(contentType);
            form.Add(part, field, fileName);
        }

        return form;
    }

    private static async Task<string> NewRequestAsync(HttpClient client, string typeCode = "ONSITE")
    {
        using var types = JsonDocument.Parse(await (await client.GetAsync("/api/v1/service-types")).TextAsync());
        var type = types.RootElement.EnumerateArray().Single(t => t.GetProperty("code").GetString() == typeCode).GetProperty("id").GetGuid();
        var response = await client.PostAsJsonAsync("/api/v1/service-requests", new { serviceTypeId = type, contactPhone = "13800000000", subject = "附件测试" });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        using var body = JsonDocument.Parse(await response.TextAsync());
        return body.RootElement.GetProperty("number").GetString()!;
    }

    private async Task<HttpClient> ClientAsync(string clientId, string secret)
    {
        var client = factory.CreateCookielessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(clientId, secret));
        return client;
    }
}
