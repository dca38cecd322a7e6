using System.Net;
using System.Text;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Knowledge;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Article images and attachments: upload limits, and who may fetch them by tenant, role, state and visibility.</summary>
public sealed class KnowledgeFilesShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Desk = new("manager-id", "Manager", new HashSet<string> { Roles.Manager });
    private static readonly RequestActor Engineer = new("engineer-id", "Engineer", new HashSet<string> { Roles.Engineer });

    [Fact]
    public async Task RefuseWhatIsNotAnImageTooLargeOfAForbiddenTypeOrFromOutsideTheDeskAndKeepNothing()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var files = scope.ServiceProvider.GetRequiredService<ArticleFiles>();
        var article = await DraftAsync(scope, ArticleVisibility.Internal);
        var html = Encoding.UTF8.GetBytes("<html><script>alert(1)</script></html>");
        var svg = Encoding.UTF8.GetBytes("<svg xmlns=\"http://www.w3.org/2000/svg\" onload=\"alert(1)\"/>");
        var storedBefore = StoredFiles();

        var disguised = await files.AddAsync(article, ArticleFileKind.Image, Upload("wiring.png", "image/png", html), Desk);
        var vector = await files.AddAsync(article, ArticleFileKind.Image, Upload("logo.svg", "image/svg+xml", svg), Desk);
        var pdfAsImage = await files.AddAsync(article, ArticleFileKind.Image, Upload("manual.pdf", "application/pdf", Png(100)), Desk);
        var huge = await files.AddAsync(article, ArticleFileKind.Image, Upload("huge.png", "image/png", Png((int)ArticleFiles.MaxImageBytes + 1), size: null), Desk);
        var program = await files.AddAsync(article, ArticleFileKind.Attachment, Upload("setup.exe", "application/octet-stream", [1, 2, 3]), Desk);
        var byEngineer = await files.AddAsync(article, ArticleFileKind.Image, Upload("photo.png", "image/png", Png(100)), Engineer);
        var unknownArticle = await files.AddAsync(Guid.NewGuid(), ArticleFileKind.Image, Upload("photo.png", "image/png", Png(100)), Desk);

        Assert.Equal("Files.NotAnImage", disguised.Problem?.ErrorKey);
        Assert.Equal("Validation.AttachmentType", vector.Problem?.ErrorKey);
        Assert.Equal("Validation.AttachmentType", pdfAsImage.Problem?.ErrorKey);
        Assert.Equal("Validation.AttachmentTooLarge", huge.Problem?.ErrorKey);
        Assert.Equal("Validation.AttachmentType", program.Problem?.ErrorKey);
        Assert.Equal(ArticleSaveStatus.NotAllowed, byEngineer.Status);
        Assert.Equal(ArticleSaveStatus.NotFound, unknownArticle.Status);
        Assert.Empty(await files.ListAsync(article));
        // Refused after storing (the disguised image, the one too large as it was read): the store holds nothing for them either.
        Assert.Equal(storedBefore, StoredFiles());
    }

    private int StoredFiles() => Directory.Exists(factory.StorageRoot) ? Directory.GetFiles(factory.StorageRoot, "*", SearchOption.AllDirectories).Length : 0;

    [Fact]
    public async Task ServeAnInternalArticlesImageToItsStaffOnlyAndNeverToAnonymousOrAnotherTenant()
    {
        Guid image, attachment, article;
        var bytes = Png(2048);
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var files = scope.ServiceProvider.GetRequiredService<ArticleFiles>();
            article = await DraftAsync(scope, ArticleVisibility.Internal);
            image = (await files.AddAsync(article, ArticleFileKind.Image, Upload("接线图.png", "image/png", bytes), Desk)).File!.Id;
            attachment = (await files.AddAsync(article, ArticleFileKind.Attachment, Upload("维修手册.pdf", "application/pdf", [0x25, 0x50, 0x44, 0x46]), Desk)).File!.Id;
        }

        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var engineer = factory.CreateBrowser();
        await engineer.LoginAsync("/t/demo", "engineer@demo.example");
        var acme = factory.CreateBrowser();
        await acme.LoginAsync("/t/acme", "admin@acme.example");
        var anonymous = factory.CreateBrowser();

        var shown = await agent.GetAsync($"/t/demo/files/knowledge/{image}");
        var download = await agent.GetAsync($"/t/demo/files/knowledge/{attachment}");
        Assert.Equal(HttpStatusCode.OK, shown.StatusCode);
        Assert.Equal(bytes, await shown.Content.ReadAsByteArrayAsync());
        Assert.Equal("image/png", shown.Content.Headers.ContentType?.MediaType);
        Assert.Null(shown.Content.Headers.ContentDisposition);
        Assert.Equal("nosniff", shown.Headers.GetValues("X-Content-Type-Options").Single());
        Assert.Contains("no-store", shown.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal("attachment", download.Content.Headers.ContentDisposition?.DispositionType);
        Assert.Equal("维修手册.pdf", download.Content.Headers.ContentDisposition?.FileNameStar);
        // A draft is the desk's: an engineer reads only what is published.
        Assert.Equal(HttpStatusCode.NotFound, (await engineer.GetAsync($"/t/demo/files/knowledge/{image}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/t/demo/files/knowledge/{image}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/t/acme/files/knowledge/{image}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/t/acme/files/knowledge/{attachment}")).StatusCode);

        await PublishAsync(article);
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetAsync($"/t/demo/files/knowledge/{image}")).StatusCode);
        // Published but internal: still nothing for anyone outside the tenant's staff.
        Assert.Equal(HttpStatusCode.NotFound, (await anonymous.GetAsync($"/t/demo/files/knowledge/{image}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await acme.GetAsync($"/t/acme/files/knowledge/{image}")).StatusCode);
    }

    [Fact]
    public async Task ServeAPublicArticlesImageToAnyoneOnlyWhilePublished()
    {
        Guid image, article;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            article = await DraftAsync(scope, ArticleVisibility.Public);
            image = (await scope.ServiceProvider.GetRequiredService<ArticleFiles>()
                .AddAsync(article, ArticleFileKind.Image, Upload("filter.jpg", "image/jpeg", [0xFF, 0xD8, 0xFF, 0xE0, 1, 2, 3, 4]), Desk)).File!.Id;
        }

        var anonymous = factory.CreateBrowser();
        var whileDraft = await anonymous.GetAsync($"/t/demo/files/knowledge/{image}");
        await PublishAsync(article);
        var published = await anonymous.GetAsync($"/t/demo/files/knowledge/{image}");
        var elsewhere = await anonymous.GetAsync($"/t/acme/files/knowledge/{image}");
        await SetStateAsync(article, ArticleState.Archived);
        var archived = await anonymous.GetAsync($"/t/demo/files/knowledge/{image}");

        Assert.Equal(HttpStatusCode.NotFound, whileDraft.StatusCode);
        Assert.Equal(HttpStatusCode.OK, published.StatusCode);
        Assert.Equal("image/jpeg", published.Content.Headers.ContentType?.MediaType);
        Assert.Contains("public", published.Headers.CacheControl?.ToString(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, elsewhere.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, archived.StatusCode);
    }

    [Fact]
    public async Task ShowAnUploadedImageInTheArticleAndListAttachmentsUnderIt()
    {
        Guid image, attachment, article;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var files = scope.ServiceProvider.GetRequiredService<ArticleFiles>();
            var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
            article = await DraftAsync(scope, ArticleVisibility.Internal);
            var uploaded = (await files.AddAsync(article, ArticleFileKind.Image, Upload("面板.png", "image/png", Png(300)), Desk)).File!;
            image = uploaded.Id;
            attachment = (await files.AddAsync(article, ArticleFileKind.Attachment, Upload("bulletin.pdf", "application/pdf", [0x25, 0x50]), Desk)).File!.Id;
            var loaded = (await knowledge.GetAsync(article, Desk))!;
            var input = ArticleInput.From(loaded);
            input.BodyZh = $"看面板：\n{ArticleFiles.ImageMarkdown(uploaded)}\n![外链](https://evil.example/x.png)";
            Assert.Equal(ArticleSaveStatus.Saved, (await knowledge.SaveAsync(article, input, loaded.ConcurrencyStamp, Desk)).Status);
        }

        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var (_, html) = await agent.GetPageAsync($"/t/demo/knowledge/{article}");

        Assert.Contains($"<img src=\"files/knowledge/{image}\" alt=\"面板\" loading=\"lazy\">", html, StringComparison.Ordinal);
        Assert.DoesNotContain("evil.example/x.png\"", html, StringComparison.Ordinal);
        Assert.Contains($"href=\"files/knowledge/{attachment}\"", html, StringComparison.Ordinal);
        Assert.Contains("bulletin.pdf", html, StringComparison.Ordinal);
    }

    private static async Task<Guid> DraftAsync(AsyncServiceScope scope, ArticleVisibility visibility)
    {
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var saved = await knowledge.SaveAsync(null, new ArticleInput { TitleZh = "空调外机接线 " + Guid.NewGuid().ToString("N")[..6], Solution = "按图接线。", Visibility = visibility }, null, Desk);
        return saved.Id!.Value;
    }

    private Task PublishAsync(Guid article) => SetStateAsync(article, ArticleState.Published);

    private async Task SetStateAsync(Guid article, ArticleState state)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var loaded = (await knowledge.GetAsync(article, Desk))!;
        Assert.Equal(ArticleSaveStatus.Saved, (await knowledge.SetStateAsync(article, state, loaded.ConcurrencyStamp, Desk)).Status);
    }

    private static AttachmentUpload Upload(string name, string type, byte[] content, long? size = -1) =>
        new(name, type, size == -1 ? content.Length : size, () => new MemoryStream(content));

    private static byte[] Png(int length)
    {
        var bytes = new byte[Math.Max(length, 8)];
        new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }.CopyTo(bytes, 0);
        return bytes;
    }
}
