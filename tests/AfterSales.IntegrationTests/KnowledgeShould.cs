using System.Net;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Knowledge;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>The knowledge base: Chinese search ranked on the term index, publishing, suggestions, feedback, roles and tenants.</summary>
public sealed class KnowledgeShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Desk = new("manager-id", "Manager", new HashSet<string> { Roles.Manager, Roles.Agent });
    private static readonly RequestActor Engineer = new("engineer-id", "Engineer", new HashSet<string> { Roles.Engineer });

    [Fact]
    public async Task FindAChinesePhraseInsideASentenceAndRankTheTitleMatchFirst()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var inBody = await PublishAsync(knowledge, new ArticleInput { TitleZh = "咖啡机清洁保养", Solution = "用户反馈咖啡机蒸汽棒堵塞后无法打奶泡，需每次使用后擦拭并空喷。" });
        var inTitle = await PublishAsync(knowledge, new ArticleInput { TitleZh = "蒸汽棒堵塞的处理", Solution = "拆下喷嘴用针疏通。" });
        var unrelated = await PublishAsync(knowledge, new ArticleInput { TitleZh = "咖啡机磨豆器异响", Solution = "清理豆仓。" });
        var english = await PublishAsync(knowledge, new ArticleInput { TitleEn = "Grinder jammed: F7 error", Solution = "Remove the burr and clean it." });

        var found = await knowledge.SearchAsync(new ArticleQuery("蒸汽棒堵塞"), Desk);
        var byCode = await knowledge.SearchAsync(new ArticleQuery("f7 ERROR"), Desk);

        Assert.Equal([inTitle, inBody], found.Items.Select(a => a.Id));
        Assert.Equal(2, found.Total);
        Assert.True(found.Items[0].Score > found.Items[1].Score);
        // A fault code and a common word: the article with both comes before the seeded one that only says "error".
        Assert.Equal(english, byCode.Items[0].Id);
        Assert.DoesNotContain(found.Items, a => a.Id == unrelated);
    }

    [Fact]
    public async Task SuggestOnlyPublishedArticlesAndLinkToThem()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var suggestions = scope.ServiceProvider.GetRequiredService<IEnumerable<IRequestSuggestions>>().Single();
        var draft = await knowledge.SaveAsync(null, new ArticleInput { TitleZh = "洗碗机门锁报警", Solution = "检查门锁微动开关。" }, null, Desk);
        const string typed = "客户来电：家里洗碗机门锁报警，关不上门";

        var whileDraft = await suggestions.SuggestAsync(typed, 5);
        var article = (await knowledge.GetAsync(draft.Id!.Value, Desk))!;
        await knowledge.SetStateAsync(article.Id, ArticleState.Published, article.ConcurrencyStamp, Desk);
        var oncePublished = await suggestions.SuggestAsync(typed, 5);

        Assert.Empty(whileDraft);
        Assert.Equal(new RequestSuggestion("洗碗机门锁报警", $"knowledge/{article.Id}"), Assert.Single(oncePublished));
    }

    [Fact]
    public async Task CountViewsAndFeedbackOnPublishedArticlesOnly()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var published = await PublishAsync(knowledge, new ArticleInput { TitleZh = "烤箱温度不准", Solution = "校准温控器。" });
        var draft = (await knowledge.SaveAsync(null, new ArticleInput { TitleZh = "烤箱灯不亮", Solution = "更换灯泡。" }, null, Desk)).Id!.Value;
        var stamp = (await knowledge.GetAsync(published, Desk))!.ConcurrencyStamp;

        Assert.True(await knowledge.RecordViewAsync(published));
        Assert.True(await knowledge.RecordViewAsync(published));
        Assert.True(await knowledge.RecordFeedbackAsync(published, helpful: true));
        Assert.True(await knowledge.RecordFeedbackAsync(published, helpful: false));
        Assert.True(await knowledge.RecordFeedbackAsync(published, helpful: true));
        Assert.False(await knowledge.RecordViewAsync(draft));
        Assert.False(await knowledge.RecordFeedbackAsync(draft, helpful: true));

        var article = (await knowledge.GetAsync(published, Desk))!;
        Assert.Equal((2, 2, 1), (article.ViewCount, article.HelpfulCount, article.NotHelpfulCount));
        // Readers' counters do not make an editor's save conflict.
        Assert.Equal(stamp, article.ConcurrencyStamp);
    }

    [Fact]
    public async Task RefuseInvalidArticlesAndASaveOverSomeoneElses()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var invalid = await knowledge.SaveAsync(null, new ArticleInput { Tags = string.Join(",", Enumerable.Range(0, 11)) }, null, Desk);
        var id = (await knowledge.SaveAsync(null, new ArticleInput { TitleZh = "冰箱结霜", Solution = "检查门封条。" }, null, Desk)).Id!.Value;
        var loaded = (await knowledge.GetAsync(id, Desk))!.ConcurrencyStamp;

        var first = await knowledge.SaveAsync(id, new ArticleInput { TitleZh = "冰箱冷藏室结霜", Solution = "检查门封条。" }, loaded, Desk);
        var second = await knowledge.SaveAsync(id, new ArticleInput { TitleZh = "冰箱结霜严重", Solution = "除霜。" }, loaded, Desk);
        var publishStale = await knowledge.SetStateAsync(id, ArticleState.Published, loaded, Desk);

        Assert.Equal(["Solution", "Tags", "TitleZh"], invalid.Errors!.Keys.Order());
        Assert.Equal(ArticleSaveStatus.Saved, first.Status);
        Assert.Equal(ArticleSaveStatus.Conflict, second.Status);
        Assert.Equal(ArticleSaveStatus.Conflict, publishStale.Status);
        Assert.Equal("冰箱冷藏室结霜", (await knowledge.GetAsync(id, Desk))!.TitleZh);
        // The index follows the save: the old title's wording is gone only where nothing else says it.
        Assert.Contains((await knowledge.SearchAsync(new ArticleQuery("冷藏室", State: null), Desk)).Items, a => a.Id == id);
    }

    [Fact]
    public async Task LetEngineersReadPublishedArticlesOnlyAndNeverEdit()
    {
        Guid published, draft;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
            published = await PublishAsync(knowledge, new ArticleInput { TitleZh = "热水器点火失败", Solution = "检查燃气阀。" });
            draft = (await knowledge.SaveAsync(null, new ArticleInput { TitleZh = "热水器点火慢", Solution = "清理电极。" }, null, Desk)).Id!.Value;
            var stamp = (await knowledge.GetAsync(published, Desk))!.ConcurrencyStamp;

            Assert.Equal(ArticleSaveStatus.NotAllowed, (await knowledge.SaveAsync(published, new ArticleInput { TitleZh = "x", Solution = "y" }, stamp, Engineer)).Status);
            Assert.Equal(ArticleSaveStatus.NotAllowed, (await knowledge.SetStateAsync(published, ArticleState.Archived, stamp, Engineer)).Status);
            Assert.NotNull(await knowledge.GetAsync(published, Engineer));
            Assert.Null(await knowledge.GetAsync(draft, Engineer));
            // Asking for every state still shows an engineer the published ones only.
            Assert.Equal([published], (await knowledge.SearchAsync(new ArticleQuery("热水器点火", State: null), Engineer)).Items.Select(a => a.Id));
        }

        var engineer = factory.CreateBrowser();
        await engineer.LoginAsync("/t/demo", "engineer@demo.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        Assert.Equal(HttpStatusCode.OK, (await engineer.GetPageAsync("/t/demo/knowledge")).Response.StatusCode);
        Assert.Contains("热水器点火失败", (await engineer.GetPageAsync($"/t/demo/knowledge/{published}")).Html);
        Assert.NotEqual(HttpStatusCode.OK, (await engineer.GetAsync("/t/demo/knowledge/new")).StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, (await engineer.GetAsync($"/t/demo/knowledge/{published}/edit")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetPageAsync($"/t/demo/knowledge/{published}/edit")).Response.StatusCode);
    }

    [Fact]
    public async Task KeepEachTenantsArticlesToItself()
    {
        Guid demoArticle;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoArticle = await PublishAsync(demo.ServiceProvider.GetRequiredService<KnowledgeBase>(), new ArticleInput { TitleZh = "扫地机器人回充失败", Solution = "擦拭充电触点。" });
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var knowledge = acme.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var suggestions = acme.ServiceProvider.GetRequiredService<IRequestSuggestions>();

        Assert.Null(await knowledge.GetAsync(demoArticle, Desk));
        Assert.Empty((await knowledge.SearchAsync(new ArticleQuery("扫地机器人回充失败", State: null), Desk)).Items);
        Assert.Empty(await suggestions.SuggestAsync("扫地机器人回充失败", 5));
        Assert.Equal(ArticleSaveStatus.NotFound, (await knowledge.SetStateAsync(demoArticle, ArticleState.Archived, null, Desk)).Status);
        Assert.Equal(ArticleSaveStatus.NotFound, (await knowledge.SaveAsync(demoArticle, new ArticleInput { TitleEn = "x", Solution = "y" }, null, Desk)).Status);
        Assert.False(await knowledge.RecordViewAsync(demoArticle));
        Assert.False(await knowledge.RecordFeedbackAsync(demoArticle, helpful: true));

        var acmeAdmin = factory.CreateBrowser();
        await acmeAdmin.LoginAsync("/t/acme", "admin@acme.example");
        Assert.Equal(HttpStatusCode.NotFound, (await acmeAdmin.GetAsync($"/t/acme/knowledge/{demoArticle}")).StatusCode);
    }

    [Fact]
    public async Task StartAnArticleFromAConsultationsQuestionAndItsAnswer()
    {
        string number;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
            var type = (await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().ListAsync()).First();
            number = (await desk.CreateAsync(new RequestInput { ServiceTypeId = type.Id, CustomerCode = "C1001", Subject = "空气炸锅冒白烟" }, Desk)).Number!;
            await desk.CommentAsync(number, "内部：已查手册", false, Desk);
            await desk.CommentAsync(number, "首次使用时涂层受热冒烟属正常，空烧十分钟即可。", true, Desk);
            await desk.CommentAsync(number, "内部：客户已接受", false, Desk);
        }

        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");
        var (response, html) = await agent.GetPageAsync($"/t/demo/knowledge/new?request={number}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains("空气炸锅冒白烟", html);
        Assert.Contains("首次使用时涂层受热冒烟属正常，空烧十分钟即可。", html);
        Assert.DoesNotContain("客户已接受", html);
    }

    [Fact]
    public async Task FilterByTagProductModelFaultCategoryAndVisibility()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var models = await scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Products.ProductCatalog>().ListAsync();
        var faults = await scope.ServiceProvider.GetRequiredService<DictionaryBook>().ListAsync(DictionaryKind.FaultCategory);
        var tag = "t" + Guid.NewGuid().ToString("N")[..8];
        var (m1, m2, f1) = (models[0].Id, models[1].Id, faults[0].Id);
        var onM1 = await PublishAsync(knowledge, new ArticleInput { TitleZh = "型号一的故障", Solution = "处理。", Tags = tag, ProductModelIds = [m1], FaultCategoryIds = [f1] });
        var onM2 = await PublishAsync(knowledge, new ArticleInput { TitleZh = "型号二的故障", Solution = "处理。", Tags = $"{tag}, 其他", ProductModelIds = [m2], Visibility = ArticleVisibility.Public });
        var draft = (await knowledge.SaveAsync(null, new ArticleInput { TitleZh = "草稿", Solution = "处理。", Tags = tag, ProductModelIds = [m1, m2] }, null, Desk)).Id!.Value;

        async Task<IEnumerable<Guid>> Found(ArticleQuery query) => (await knowledge.SearchAsync(query, Desk)).Items.Select(a => a.Id).Order();

        Assert.Equal(new[] { onM1, onM2, draft }.Order(), await Found(new ArticleQuery(State: null) { Tag = tag }));
        Assert.Equal(new[] { onM1, draft }.Order(), await Found(new ArticleQuery(State: null) { Tag = tag, ProductModelId = m1 }));
        Assert.Equal([onM1], await Found(new ArticleQuery() { Tag = tag, ProductModelId = m1 }));
        Assert.Equal([onM1], await Found(new ArticleQuery(State: null) { Tag = tag, FaultCategoryId = f1 }));
        Assert.Equal([onM2], await Found(new ArticleQuery(State: null) { Tag = tag, Visibility = ArticleVisibility.Public }));
        Assert.Equal([onM2], await Found(new ArticleQuery("故障", State: null) { Tag = tag, ProductModelId = m2 }));
        Assert.Contains(tag, await knowledge.TagsAsync());
        // The engineer asks for drafts and gets the published ones only, filters and all.
        Assert.Equal([onM1], (await knowledge.SearchAsync(new ArticleQuery(State: null) { Tag = tag, ProductModelId = m1 }, Engineer)).Items.Select(a => a.Id));
    }

    [Fact]
    public async Task SuggestTheArticleAboutTheRequestsModelAndFaultFirst()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var knowledge = scope.ServiceProvider.GetRequiredService<KnowledgeBase>();
        var suggestions = scope.ServiceProvider.GetRequiredService<IEnumerable<IRequestSuggestions>>().Single();
        var models = await scope.ServiceProvider.GetRequiredService<AfterSales.Modules.Products.ProductCatalog>().ListAsync();
        var faults = await scope.ServiceProvider.GetRequiredService<DictionaryBook>().ListAsync(DictionaryKind.FaultCategory);
        var (m1, m2) = (models[0], models[1]);
        var (f1, f2) = (faults[0].Id, faults[1].Id);
        // Worded the same: only the filing tells them apart.
        var aboutM1 = await PublishAsync(knowledge, new ArticleInput { TitleZh = "排水泵嗡嗡响不排水", Solution = "清理排水泵叶轮。", ProductModelIds = [m1.Id] });
        var aboutF2 = await PublishAsync(knowledge, new ArticleInput { TitleZh = "排水泵嗡嗡响不排水", Solution = "清理排水泵叶轮。", FaultCategoryIds = [f2] });
        const string typed = "排水泵嗡嗡响";

        string[] mine = [$"knowledge/{aboutM1}", $"knowledge/{aboutF2}"];
        var forM1 = (await suggestions.SuggestAsync(new SuggestionContext(typed, m1.Code.ToLowerInvariant()), 20)).Select(s => s.Url).Where(mine.Contains);
        var forF2 = (await suggestions.SuggestAsync(new SuggestionContext(typed, m2.Code, f2), 20)).Select(s => s.Url).Where(mine.Contains);
        var rows = (await knowledge.SuggestAsync(typed, m1.Id, f1, 20)).Where(r => r.Id == aboutM1 || r.Id == aboutF2).ToList();

        Assert.Equal([$"knowledge/{aboutM1}", $"knowledge/{aboutF2}"], forM1);
        Assert.Equal([$"knowledge/{aboutF2}", $"knowledge/{aboutM1}"], forF2);
        Assert.Equal(rows[1].Score * 3 / 2, rows[0].Score);
    }

    private static async Task<Guid> PublishAsync(KnowledgeBase knowledge, ArticleInput input)
    {
        var saved = await knowledge.SaveAsync(null, input, null, Desk);
        Assert.Equal(ArticleSaveStatus.Saved, saved.Status);
        var article = (await knowledge.GetAsync(saved.Id!.Value, Desk))!;
        Assert.Equal(ArticleSaveStatus.Saved, (await knowledge.SetStateAsync(article.Id, ArticleState.Published, article.ConcurrencyStamp, Desk)).Status);
        return article.Id;
    }
}
