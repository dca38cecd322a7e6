using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Attachments on service requests: the timeline, who may delete, what is kept when something fails, tenants' files apart.</summary>
public sealed class RequestAttachmentsShould(AttachmentsAppFactory factory) : IClassFixture<AttachmentsAppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });
    private static readonly RequestActor Engineer = new("engineer-id", "Engineer", new HashSet<string> { Roles.Engineer });
    private static readonly RequestActor Manager = new("manager-id", "Manager", new HashSet<string> { Roles.Manager });
    private static readonly RequestActor Admin = new("admin-id", "Admin", new HashSet<string> { Roles.TenantAdmin });

    [Fact]
    public async Task RecordAddingAndRemovingOnTheTimelineAndLetOnlyTheUploaderOrAManagerDelete()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var attachments = scope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var requestId = await NewRequestAsync(scope);

        var added = await attachments.AddAsync(requestId, [Upload("铭牌.png", 2048), Upload("invoice.pdf", 100)], Engineer);
        var nameplate = added.Added.Single(a => a.FileName == "铭牌.png");
        var invoice = added.Added.Single(a => a.FileName == "invoice.pdf");
        var byAgent = await attachments.DeleteAsync(nameplate.Id, Agent);
        var byUploader = await attachments.DeleteAsync(nameplate.Id, Engineer);
        var byManager = await attachments.DeleteAsync(invoice.Id, Manager);
        var again = await attachments.DeleteAsync(invoice.Id, Admin);
        var timeline = await scope.ServiceProvider.GetRequiredService<RequestDesk>().TimelineAsync(requestId);

        Assert.Equal(AttachmentStatus.Added, added.Status);
        Assert.Equal(("Engineer", "engineer-id", 2048L, "image/png"), (nameplate.UploadedBy, nameplate.UploadedById, nameplate.Size, nameplate.ContentType));
        Assert.Equal(ActionStatus.NotAllowed, byAgent.Status);
        Assert.Equal(ActionStatus.Done, byUploader.Status);
        Assert.Equal(ActionStatus.Done, byManager.Status);
        Assert.Equal(ActionStatus.NotFound, again.Status);
        Assert.Empty(await attachments.ListAsync(requestId));
        Assert.Equal(
            [(RequestEventKind.AttachmentAdded, "Engineer"), (RequestEventKind.AttachmentAdded, "Engineer"),
             (RequestEventKind.AttachmentRemoved, "Engineer"), (RequestEventKind.AttachmentRemoved, "Manager")],
            timeline.Where(e => e.Kind != RequestEventKind.Created).Select(e => (e.Kind, e.By)));
        Assert.Equal(["invoice.pdf", "铭牌.png"], timeline.Where(e => e.Kind == RequestEventKind.AttachmentAdded).Select(e => e.Text).Order(StringComparer.Ordinal));
        Assert.All(timeline.Where(e => e.Kind != RequestEventKind.Created), e => Assert.False(e.IsPublic));
        Assert.Null(await attachments.OpenAsync(nameplate.Id));
    }

    [Fact]
    public async Task RemoveTheStoredFileWithItsAttachment()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var attachments = scope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var requestId = await NewRequestAsync(scope);
        var id = (await attachments.AddAsync(requestId, [Upload("fault.jpg", 4000)], Agent)).Added.Single().Id;
        var key = await StorageKeyAsync(scope, id);
        var store = scope.ServiceProvider.GetRequiredService<IFileStore>();

        await using (var stored = await store.OpenReadAsync(key))
        {
            Assert.NotNull(stored);
        }

        await attachments.DeleteAsync(id, Agent);

        Assert.Null(await store.OpenReadAsync(key));
    }

    [Fact]
    public async Task KeepNoFileWhenTheRowCannotBeSaved()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var attachments = scope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var requestId = await NewRequestAsync(scope);
        var before = StoredFiles();

        // The request is there when it is checked and gone when the row is saved: the save breaks on its foreign key.
        var upload = new AttachmentUpload("photo.jpg", "image/jpeg", 10, () =>
        {
            DeleteRequestBehindTheServicesBack(requestId).GetAwaiter().GetResult();
            return new MemoryStream(new byte[10]);
        });

        await Assert.ThrowsAnyAsync<DbUpdateException>(() => attachments.AddAsync(requestId, [upload], Agent));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task RefuseAFileThatTurnsOutLargerThanTheLimitAndKeepNothingOfTheUpload()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var attachments = scope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var requestId = await NewRequestAsync(scope);
        var before = StoredFiles();

        // The size is not announced (or lies): it is measured while the file is stored.
        var result = await attachments.AddAsync(requestId,
            [Upload("first.jpg", 100), new AttachmentUpload("video.mp4", "video/mp4", null, () => new MemoryStream(new byte[AttachmentsAppFactory.MaxBytes + 1]))],
            Agent);
        var empty = await attachments.AddAsync(requestId, [new AttachmentUpload("empty.txt", "text/plain", null, () => new MemoryStream())], Agent);

        Assert.Equal(AttachmentStatus.Invalid, result.Status);
        Assert.Equal(("video.mp4", "Validation.AttachmentTooLarge"), (result.Problems.Single().FileName, result.Problems.Single().ErrorKey));
        Assert.Equal("Validation.AttachmentEmpty", empty.Problems.Single().ErrorKey);
        Assert.Empty(await attachments.ListAsync(requestId));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task KeepNothingOfAnUploadThatBreaksOff()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var attachments = scope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var requestId = await NewRequestAsync(scope);
        var before = StoredFiles();

        await Assert.ThrowsAsync<IOException>(() => attachments.AddAsync(requestId,
            [Upload("first.jpg", 100), new AttachmentUpload("second.jpg", "image/jpeg", 5000, () => new BreakingStream(2000))], Agent));

        Assert.Empty(await attachments.ListAsync(requestId));
        Assert.Equal(before, StoredFiles());
    }

    [Fact]
    public async Task KeepEachTenantsFilesInItsOwnFolderAndNotFindAnotherTenantsAttachment()
    {
        Guid demoAttachment;
        string demoKey;
        var demo = await factory.TenantAsync("demo");
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var requestId = await NewRequestAsync(scope);
            demoAttachment = (await scope.ServiceProvider.GetRequiredService<RequestAttachments>().AddAsync(requestId, [Upload("demo.pdf", 50)], Agent)).Added.Single().Id;
            demoKey = await StorageKeyAsync(scope, demoAttachment);
        }

        var acme = await factory.TenantAsync("acme");
        await using var acmeScope = await factory.TenantScopeAsync("acme");
        var acmeAttachments = acmeScope.ServiceProvider.GetRequiredService<RequestAttachments>();
        var acmeRequest = await NewRequestAsync(acmeScope);
        var acmeAttachment = (await acmeAttachments.AddAsync(acmeRequest, [Upload("acme.pdf", 50)], Agent)).Added.Single().Id;
        var acmeKey = await StorageKeyAsync(acmeScope, acmeAttachment);

        Assert.StartsWith(demo.Id + "/requests/", demoKey, StringComparison.Ordinal);
        Assert.StartsWith(acme.Id + "/requests/", acmeKey, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(factory.StorageRoot, demo.Id, "requests", Path.Combine(demoKey.Split('/')[2..]))));
        Assert.Null(await acmeAttachments.OpenAsync(demoAttachment));
        Assert.Equal(ActionStatus.NotFound, (await acmeAttachments.DeleteAsync(demoAttachment, Admin)).Status);
        Assert.Equal(AttachmentStatus.NotFound, (await acmeAttachments.AddAsync(await DemoRequestIdAsync(), [Upload("planted.jpg", 10)], Admin)).Status);
        await using var stillThere = await factory.TenantScopeAsync("demo");
        Assert.NotNull(await stillThere.ServiceProvider.GetRequiredService<RequestAttachments>().OpenAsync(demoAttachment));
    }

    [Theory]
    [InlineData("C:\\fakepath\\photo.jpg", "photo.jpg")]
    [InlineData("../../etc/passwd.txt", "passwd.txt")]
    [InlineData("  报告 <v2>.pdf. ", "报告 v2.pdf")]
    [InlineData("invoice\u202Efdp.exe", "invoicefdp.exe")]
    [InlineData("..", "")]
    public void KeepOnlyAPlainFileName(string sent, string kept) => Assert.Equal(kept, AttachmentRules.SafeFileName(sent));

    [Fact]
    public void ShortenALongNameButKeepItsExtension()
    {
        var name = AttachmentRules.SafeFileName(new string('长', 300) + ".jpeg");

        Assert.Equal(AttachmentRules.FileNameLength, name.Length);
        Assert.EndsWith(".jpeg", name, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("a.jpg", "image/jpeg", null)]
    [InlineData("a.JPG", "application/octet-stream", null)]
    [InlineData("a.heic", "", null)]
    [InlineData("a.csv", "application/vnd.ms-excel", null)]
    [InlineData("a.txt", "text/plain; charset=utf-8", null)]
    [InlineData("a.docx", "application/zip", null)]
    [InlineData("a.jpg", "text/html", "Validation.AttachmentContentType")]
    [InlineData("a.pdf", "image/svg+xml", "Validation.AttachmentContentType")]
    [InlineData("a.svg", "image/svg+xml", "Validation.AttachmentType")]
    [InlineData("a.html", "text/html", "Validation.AttachmentType")]
    [InlineData("noextension", "image/jpeg", "Validation.AttachmentType")]
    [InlineData(".jpg", "image/jpeg", "Validation.AttachmentName")]
    public void AcceptAFileByItsExtensionAndASaneType(string name, string type, string? problem) =>
        Assert.Equal(problem, AttachmentRules.Check(name, type, 10, new AttachmentLimits())?.ErrorKey);

    [Fact]
    public void ReadTheLimitsFromConfigurationReplacingTheDefaults()
    {
        static AttachmentLimits Read(params (string Key, string Value)[] values) => AttachmentLimits.From(
            new ConfigurationBuilder().AddInMemoryCollection(values.Select(v => new KeyValuePair<string, string?>(v.Key, v.Value))).Build());

        var defaults = Read();
        var listed = Read(("Attachments:AllowedExtensions", "pdf, .PNG;jpg"), ("Attachments:MaxBytes", "1048576"));
        var array = Read(("Attachments:AllowedExtensions:0", "mp4"), ("Attachments:AllowedExtensions:1", "mov"));

        Assert.Equal((20L * 1024 * 1024, 50), (defaults.MaxBytes, defaults.MaxFilesPerRequest));
        Assert.Contains("heic", defaults.AllowedExtensions);
        Assert.Equal(["pdf", "png", "jpg"], listed.AllowedExtensions);
        Assert.Equal(1048576, listed.MaxBytes);
        Assert.Equal(["mp4", "mov"], array.AllowedExtensions);
        Assert.Throws<InvalidOperationException>(() => Read(("Attachments:AllowedExtensions", "../exe")));
    }

    private int StoredFiles() =>
        Directory.Exists(factory.StorageRoot) ? Directory.EnumerateFiles(factory.StorageRoot, "*", SearchOption.AllDirectories).Count() : 0;

    private static AttachmentUpload Upload(string name, int length) =>
        new(name, null, length, () => new MemoryStream(Enumerable.Range(0, length).Select(i => (byte)i).ToArray()));

    private static async Task<Guid> NewRequestAsync(AsyncServiceScope scope)
    {
        var types = await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = types[0].Id, ContactPhone = "13900000000", Subject = "附件" }, Agent)).Number!;
        return (await desk.GetAsync(number))!.Id;
    }

    private async Task<Guid> DemoRequestIdAsync()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        return await NewRequestAsync(scope);
    }

    private static async Task<string> StorageKeyAsync(AsyncServiceScope scope, Guid attachmentId)
    {
        using var db = scope.ServiceProvider.GetRequiredService<IDbFactory<IServiceDb>>().Create();
        return await db.RequestAttachments.Where(a => a.Id == attachmentId).Select(a => a.StorageKey).SingleAsync();
    }

    private async Task DeleteRequestBehindTheServicesBack(Guid requestId)
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var db = scope.ServiceProvider.GetRequiredService<AppDbContext>();
        await db.RequestEvents.Where(e => e.ServiceRequestId == requestId).ExecuteDeleteAsync();
        await db.ServiceRequests.Where(r => r.Id == requestId).ExecuteDeleteAsync();
    }

    /// <summary>An upload whose sender goes away after <paramref name="length"/> bytes.</summary>
    private sealed class BreakingStream(int length) : MemoryStream(new byte[length])
    {
        public override ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
            Position < Length ? base.ReadAsync(buffer, cancellationToken) : throw new IOException("The browser went away.");
    }
}
