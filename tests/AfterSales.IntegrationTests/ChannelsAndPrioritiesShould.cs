using System.Globalization;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>Channels and priorities as the tenant's own lists: seeded, renamed, added to (channels), retired, and held to on create.</summary>
public sealed class ChannelsAndPrioritiesShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    [Fact]
    public async Task StartEveryTenantWithTheFiveChannelsAndFourPriorities()
    {
        await using var scope = await factory.TenantScopeAsync("acme");
        var book = scope.ServiceProvider.GetRequiredService<DictionaryBook>();

        Assert.Equal(["Phone", "Email", "Portal", "Api", "WalkIn"], (await book.ListAsync(DictionaryKind.Channel)).Select(e => e.Code));
        Assert.Equal(["Low", "Normal", "High", "Urgent"], (await book.ListAsync(DictionaryKind.Priority)).Select(e => e.Code));
        Assert.All(await book.ListAsync(DictionaryKind.FaultCategory), e => Assert.Null(e.Code));
    }

    [Fact]
    public async Task LetTheTenantAddChannelsButOnlyRenameOrRetirePriorities()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<DictionaryBook>();
        var urgent = (await book.ListAsync(DictionaryKind.Priority)).Single(e => e.Code == "Urgent");

        var added = await book.SaveAsync(null, DictionaryKind.Channel, null, "微信", "WeChat", 60, code: "WeChat");
        var sameCode = await book.SaveAsync(null, DictionaryKind.Channel, null, "微信公众号", "WeChat account", 70, code: "wechat");
        var badCode = await book.SaveAsync(null, DictionaryKind.Channel, null, "传真", "Fax", 70, code: "1 fax");
        var nested = await book.SaveAsync(null, DictionaryKind.Channel, urgent.Id, "x", "x", 0, code: "X");
        var newLevel = await book.SaveAsync(null, DictionaryKind.Priority, null, "特急", "Critical", 50, code: "Critical");
        var renamed = await book.SaveAsync(urgent.Id, DictionaryKind.Priority, null, "加急", "Rush", urgent.SortOrder, code: "Changed");

        Assert.Empty(added!);
        Assert.Equal("Validation.EntryCodeTaken", sameCode!["Code"]);
        Assert.Equal("Validation.EntryCode", badCode!["Code"]);
        Assert.Null(nested);
        Assert.Equal("Validation.PriorityFixed", newLevel!["Name"]);
        Assert.Empty(renamed!);
        var names = await book.ChoiceNamesAsync();
        var previous = CultureInfo.CurrentUICulture;
        CultureInfo.CurrentUICulture = CultureInfo.GetCultureInfo("en");
        try
        {
            Assert.Equal("Rush", names.Priority(RequestPriority.Urgent));
            Assert.Equal("WeChat", names.Channel("WeChat"));
            Assert.Equal("Fax", names.Channel("Fax"));
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        // The code stays what requests and integrations hold, whatever the edit sent.
        Assert.Equal("Urgent", (await book.FindAsync(urgent.Id))!.Code);
    }

    [Fact]
    public async Task TakeRequestsOnlyByChannelsAndPrioritiesOnOffer()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var book = scope.ServiceProvider.GetRequiredService<DictionaryBook>();
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!;
        await book.SaveAsync(null, DictionaryKind.Channel, null, "抖音", "Douyin", 80, code: "Douyin");
        RequestInput Input(string channel, RequestPriority? priority = null) =>
            new() { ServiceTypeId = type.Id, ContactPhone = "13800000000", Subject = "How to descale", Channel = channel, Priority = priority };

        var byNewChannel = await desk.CreateAsync(Input("douyin"), Agent);
        var unknown = await desk.CreateAsync(Input("Fax"), Agent);
        var channels = await book.ListAsync(DictionaryKind.Channel);
        await book.SetRetiredAsync(channels.Single(e => e.Code == "Douyin").Id, true);
        await book.SetRetiredAsync(channels.Single(e => e.Code == "Api").Id, true);
        await book.SetRetiredAsync((await book.ListAsync(DictionaryKind.Priority)).Single(e => e.Code == "Low").Id, true);
        var retiredChannel = await desk.CreateAsync(Input("Douyin"), Agent);
        var throughApi = await desk.CreateAsync(Input(RequestChannels.Api), Agent);
        var retiredPriority = await desk.CreateAsync(Input("Phone", RequestPriority.Low), Agent);

        Assert.Equal(RequestSaveStatus.Saved, byNewChannel.Status);
        Assert.Equal("Douyin", (await desk.GetAsync(byNewChannel.Number!))!.Channel);
        Assert.Equal("Validation.ChannelUnknown", unknown.Errors!["Channel"]);
        Assert.Equal("Validation.ChannelUnknown", retiredChannel.Errors!["Channel"]);
        Assert.Equal(RequestSaveStatus.Saved, throughApi.Status);
        Assert.Equal("Validation.PriorityRetired", retiredPriority.Errors!["Priority"]);
        Assert.Equal(["Normal", "High", "Urgent"], (await book.ChoiceNamesAsync()).OfferedPriorities().Select(p => p.ToString()));
        Assert.Equal(["Low", "Normal", "High", "Urgent"], (await book.ChoiceNamesAsync()).OfferedPriorities(RequestPriority.Low).Select(p => p.ToString()));
    }

    [Fact]
    public async Task KeepATenantsChannelsToItself()
    {
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            await demo.ServiceProvider.GetRequiredService<DictionaryBook>().SaveAsync(null, DictionaryKind.Channel, null, "门店", "Store", 90, code: "Store");
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var type = (await acme.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("CONSULT"))!;
        var book = acme.ServiceProvider.GetRequiredService<DictionaryBook>();

        Assert.DoesNotContain(await book.ListAsync(DictionaryKind.Channel), e => e.Code == "Store");
        Assert.Equal("Validation.ChannelUnknown", (await acme.ServiceProvider.GetRequiredService<RequestDesk>()
            .CreateAsync(new RequestInput { ServiceTypeId = type.Id, ContactPhone = "1", Subject = "x", Channel = "Store" }, Agent)).Errors!["Channel"]);
        // acme may have a channel of the same code: codes are unique per tenant, not across tenants.
        Assert.Empty((await book.SaveAsync(null, DictionaryKind.Channel, null, "门店", "Store", 90, code: "Store"))!);
    }
}
