using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using Microsoft.Extensions.DependencyInjection;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Custom fields on service requests: a published form decides what a request takes, in the pages and the API; requests keep the
/// version they were taken with; forms and values stay in their tenant.
/// </summary>
public sealed class CustomFieldsShould(AppFactory factory) : IClassFixture<AppFactory>
{
    private static readonly RequestActor Agent = new("agent-id", "Agent", new HashSet<string> { Roles.Agent });

    private static FormSchema OnSiteForm() => new()
    {
        Sections =
        [
            new FormSection
            {
                TitleEn = "Visit",
                Fields =
                [
                    new FieldDefinition
                    {
                        Key = "mounting", Kind = FieldKind.SingleSelect, LabelZh = "安装方式", LabelEn = "Mounting", Required = true,
                        Options = [new() { Value = "wall", LabelZh = "壁挂", LabelEn = "Wall" }, new() { Value = "floor", LabelZh = "落地", LabelEn = "Floor" }],
                    },
                    new FieldDefinition
                    {
                        Key = "floor_no", Kind = FieldKind.Number, LabelZh = "楼层", LabelEn = "Floor", Required = true, Min = 1, Max = 99,
                        VisibleWhen = new VisibilityRule { FieldKey = "mounting", Values = ["wall"] },
                    },
                    new FieldDefinition { Key = "visit_fee", Kind = FieldKind.Money, LabelZh = "上门费", LabelEn = "Visit fee" },
                ],
            },
        ],
    };

    [Fact]
    public async Task TakeARequestWithTheTypesFieldsAndKeepTheVersionItWasTakenWith()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = await NewTypeAsync(scope, "CF1");
        var forms = scope.ServiceProvider.GetRequiredService<FormBook>();
        await PublishAsync(forms, FormKeys.ForServiceType(type), OnSiteForm());

        var missing = await desk.CreateAsync(Input(type, new() { ["mounting"] = "wall" }), Agent);
        var saved = await desk.CreateAsync(Input(type, new() { ["mounting"] = "wall", ["floor_no"] = "12", ["visit_fee"] = "50" }), Agent);
        // Version 2 drops the fee: the request taken under version 1 still shows it, with its label.
        var second = OnSiteForm();
        second.Sections[0].Fields.RemoveAt(2);
        await PublishAsync(forms, FormKeys.ForServiceType(type), second);
        var request = (await desk.GetAsync(saved.Number!))!;
        var fields = await desk.FieldsAsync(request);

        Assert.Equal(["floor_no:Field.Required"], missing.FieldErrors!.Select(e => $"{e.Key}:{e.Code}"));
        Assert.Equal(RequestSaveStatus.Saved, saved.Status);
        Assert.Equal(new Dictionary<string, string> { ["mounting"] = "wall", ["floor_no"] = "12", ["visit_fee"] = "50.00" }, fields.Values);
        Assert.Equal("Visit fee", fields.Schema.Field("visit_fee")!.LabelEn);
        Assert.Equal(2, (await forms.PublishedAsync(FormKeys.ForServiceType(type))).Version);
    }

    [Fact]
    public async Task ChangeFieldsWithTheTimelineAndRefuseAStaleEdit()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = await NewTypeAsync(scope, "CF2");
        await PublishAsync(scope.ServiceProvider.GetRequiredService<FormBook>(), FormKeys.ForServiceType(type), OnSiteForm());
        var number = (await desk.CreateAsync(Input(type, new() { ["mounting"] = "floor" }), Agent)).Number!;
        var loaded = (await desk.GetAsync(number))!;

        var invalid = await desk.UpdateFieldsAsync(number, new Dictionary<string, string?> { ["mounting"] = "wall" }, loaded.ConcurrencyStamp, Agent);
        var changed = await desk.UpdateFieldsAsync(number, new Dictionary<string, string?> { ["mounting"] = "wall", ["floor_no"] = "3" }, loaded.ConcurrencyStamp, Agent);
        var stale = await desk.UpdateFieldsAsync(number, new Dictionary<string, string?> { ["mounting"] = "floor" }, loaded.ConcurrencyStamp, Agent);
        var timeline = await desk.TimelineAsync(loaded.Id);

        Assert.Equal(RequestSaveStatus.Invalid, invalid.Status);
        Assert.Equal(RequestSaveStatus.Saved, changed.Status);
        Assert.Equal(RequestSaveStatus.Conflict, stale.Status);
        var change = timeline.Single(e => e.Kind == RequestEventKind.FieldsChanged);
        Assert.Contains("Floor", change.Text);
        Assert.Contains("→ Wall", change.Text);
        Assert.Equal("wall", (await desk.FieldsAsync((await desk.GetAsync(number))!)).Values["mounting"]);
    }

    [Fact]
    public async Task TellAnIntegrationTheFieldsAndNameEachBadValue()
    {
        Guid type;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            type = await NewTypeAsync(scope, "CF3");
            await PublishAsync(scope.ServiceProvider.GetRequiredService<FormBook>(), FormKeys.ForServiceType(type), OnSiteForm());
        }

        var client = await ClientAsync("demo-erp", "demo-erp-secret");
        using var types = JsonDocument.Parse(await (await client.GetAsync("/api/v1/service-types")).TextAsync());
        var described = types.RootElement.EnumerateArray().Single(t => t.GetProperty("code").GetString() == "CF3");
        var bad = await client.PostAsJsonAsync("/api/v1/service-requests",
            new { serviceTypeId = type, contactPhone = "13800000000", subject = "x", customFields = new { mounting = "wall", floor_no = 120, colour = "red" } });
        using var problem = JsonDocument.Parse(await bad.TextAsync());
        var good = await client.PostAsJsonAsync("/api/v1/service-requests",
            new { serviceTypeId = type, contactPhone = "13800000000", subject = "x", customFields = new { mounting = "wall", floor_no = 12, visit_fee = 80.5 } });
        var number = JsonDocument.Parse(await good.TextAsync()).RootElement.GetProperty("number").GetString();
        using var shown = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests/{number}")).TextAsync());

        using var filtered = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests?serviceTypeId={type}&cf.floor_no=10~20&cf.mounting=wall")).TextAsync());
        using var none = JsonDocument.Parse(await (await client.GetAsync($"/api/v1/service-requests?serviceTypeId={type}&cf.floor_no=13")).TextAsync());
        var unknownFilter = await client.GetAsync("/api/v1/service-requests?cf.colour=red");

        Assert.Equal([number], filtered.RootElement.GetProperty("items").EnumerateArray().Select(r => r.GetProperty("number").GetString()));
        Assert.Equal(0, none.RootElement.GetProperty("total").GetInt32());
        Assert.Equal(HttpStatusCode.BadRequest, unknownFilter.StatusCode);
        Assert.Equal(["mounting", "floor_no", "visit_fee"], described.GetProperty("fields").EnumerateArray().Select(f => f.GetProperty("key").GetString()));
        Assert.Equal("SingleSelect", described.GetProperty("fields")[0].GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.Equal(["customFields.colour", "customFields.floor_no"], problem.RootElement.GetProperty("errors").EnumerateObject().Select(p => p.Name).Order());
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        var values = shown.RootElement.GetProperty("customFields");
        Assert.Equal(("wall", 12m, 80.5m), (values.GetProperty("mounting").GetString(), values.GetProperty("floor_no").GetDecimal(), values.GetProperty("visit_fee").GetDecimal()));
    }

    [Fact]
    public async Task KeepFormsAndValuesInTheirTenant()
    {
        Guid demoVersion, type;
        string number;
        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            type = await NewTypeAsync(demo, "CF4");
            var forms = demo.ServiceProvider.GetRequiredService<FormBook>();
            await PublishAsync(forms, FormKeys.ForServiceType(type), OnSiteForm());
            demoVersion = (await forms.PublishedAsync(FormKeys.ForServiceType(type))).VersionId!.Value;
            number = (await demo.ServiceProvider.GetRequiredService<RequestDesk>().CreateAsync(Input(type, new() { ["mounting"] = "floor" }), Agent)).Number!;
        }

        await using var acme = await factory.TenantScopeAsync("acme");
        var acmeForms = acme.ServiceProvider.GetRequiredService<FormBook>();

        var acmeDesk = acme.ServiceProvider.GetRequiredService<RequestDesk>();

        Assert.Null((await acmeForms.VersionAsync(demoVersion)).VersionId);
        Assert.Null((await acmeForms.PublishedAsync(FormKeys.ForServiceType(type))).VersionId);
        Assert.Empty(await acmeForms.VersionsAsync(FormKeys.ForServiceType(type)));
        Assert.Empty(await acmeForms.FieldsEverPublishedAsync([FormKeys.ForServiceType(type)]));
        Assert.Null(await acmeDesk.GetAsync(number));
        Assert.Equal(DesignSaveStatus.Conflict, (await acmeForms.SaveDraftAsync(FormKeys.ForServiceType(type), OnSiteForm(), "stolen-stamp", "x")).Status);
    }

    [Fact]
    public async Task KeepAPublishedVersionAndRefuseAnInvalidOne()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var forms = scope.ServiceProvider.GetRequiredService<FormBook>();
        const string key = "request/00000000000000000000000000000001";
        var broken = OnSiteForm();
        broken.Sections[0].Fields[1].VisibleWhen!.FieldKey = "nothing";

        var draft = await forms.SaveDraftAsync(key, broken, null, "admin");
        var refused = await forms.PublishAsync(key, draft.Stamp!, "admin");
        var stale = await forms.SaveDraftAsync(key, OnSiteForm(), null, "admin");
        var fixedDraft = await forms.SaveDraftAsync(key, OnSiteForm(), draft.Stamp, "admin");
        var published = await forms.PublishAsync(key, fixedDraft.Stamp!, "admin");
        // The kind of a published field is fixed: values were stored for it.
        var retyped = OnSiteForm();
        retyped.Sections[0].Fields[2].Kind = FieldKind.Text;
        var next = await forms.SaveDraftAsync(key, retyped, null, "admin");
        var refusedKind = await forms.PublishAsync(key, next.Stamp!, "admin");
        var versions = await forms.VersionsAsync(key);

        Assert.Equal(DesignSaveStatus.Invalid, refused.Status);
        Assert.Equal(["floor_no:Design.VisibilityEarlier"], refused.Errors!.Select(e => $"{e.FieldKey}:{e.Code}"));
        Assert.Equal(DesignSaveStatus.Conflict, stale.Status);
        Assert.Equal((DesignSaveStatus.Saved, 1), (published.Status, published.Version));
        Assert.Equal(["visit_fee:Design.KindFixed"], refusedKind.Errors!.Select(e => $"{e.FieldKey}:{e.Code}"));
        Assert.Equal([(2, FormVersionStatus.Draft), (1, FormVersionStatus.Published)], versions.Select(v => (v.Version, v.Status)));
    }

    [Fact]
    public async Task KeepCustomFieldsOfCustomersAndUnits()
    {
        var credit = new FieldDefinition { Key = "credit_limit", Kind = FieldKind.Money, LabelEn = "Credit limit", LabelZh = "信用额度", Max = 100000 };
        var install = new FieldDefinition { Key = "installed_by", Kind = FieldKind.Customer, LabelEn = "Installed by", LabelZh = "安装商" };
        Guid customerId;
        await using (var scope = await factory.TenantScopeAsync("demo"))
        {
            var forms = scope.ServiceProvider.GetRequiredService<FormBook>();
            await PublishAsync(forms, FormKeys.Customer, new FormSchema { Sections = [new FormSection { Fields = [credit] }] });
            await PublishAsync(forms, FormKeys.SerialNumber, new FormSchema { Sections = [new FormSection { Fields = [install] }] });
        }

        var client = await ClientAsync("demo-erp", "demo-erp-secret");
        var bad = await client.PostAsJsonAsync("/api/v1/customers", new { code = "CF-1", name = "字段客户", kind = "Company", customFields = new { credit_limit = 500000 } });
        using var problem = JsonDocument.Parse(await bad.TextAsync());
        var good = await client.PostAsJsonAsync("/api/v1/customers", new { code = "CF-1", name = "字段客户", kind = "Company", customFields = new { credit_limit = 50000 } });
        customerId = JsonDocument.Parse(await good.TextAsync()).RootElement.GetProperty("id").GetGuid();

        await using var demo = await factory.TenantScopeAsync("demo");
        var registry = demo.ServiceProvider.GetRequiredService<AfterSales.Modules.Products.SerialRegistry>();
        var unknownInstaller = await registry.RegisterAsync(new AfterSales.Modules.Products.SerialInput
        {
            Number = "CF-UNIT-1", ModelCode = "KT-35", CustomFields = new() { ["installed_by"] = "NOBODY" },
        });
        var registered = await registry.RegisterAsync(new AfterSales.Modules.Products.SerialInput
        {
            Number = "CF-UNIT-1", ModelCode = "KT-35", CustomFields = new() { ["installed_by"] = "cf-1" },
        });
        var directory = demo.ServiceProvider.GetRequiredService<AfterSales.Modules.Customers.CustomerDirectory>();
        var customerFields = await directory.CustomFieldsAsync(customerId);
        var unitFields = await registry.CustomFieldsAsync(registered.Id!.Value);
        await registry.DeleteAsync(registered.Id!.Value);
        await registry.RegisterAsync(new AfterSales.Modules.Products.SerialInput
        {
            Number = "CF-UNIT-2", ModelCode = "KT-35", CustomFields = new() { ["installed_by"] = "CF-1" },
        });
        await using var acme = await factory.TenantScopeAsync("acme");

        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        Assert.True(problem.RootElement.GetProperty("errors").TryGetProperty("customFields.credit_limit", out _));
        Assert.Equal(HttpStatusCode.Created, good.StatusCode);
        Assert.Equal("50000.00", customerFields["credit_limit"]);
        Assert.Equal(["installed_by:Field.NotFound"], unknownInstaller.FieldErrors!.Select(e => $"{e.Key}:{e.Code}"));
        Assert.Equal("CF-1", unitFields["installed_by"]);
        Assert.Empty(await registry.CustomFieldsAsync(registered.Id!.Value));
        Assert.Empty(await acme.ServiceProvider.GetRequiredService<AfterSales.Modules.Customers.CustomerDirectory>().CustomFieldsAsync(customerId));

        // The customer list exports the field as a column, and filters by it.
        var browser = factory.CreateBrowser();
        await browser.LoginAsync("/t/demo", "agent@demo.example");
        using var inRange = new MemoryStream(await (await browser.GetAsync("/t/demo/customers/export.xlsx?cf.credit_limit=40000~60000")).Content.ReadAsByteArrayAsync());
        var rows = MiniExcelLibs.MiniExcel.Query(inRange, useHeaderRow: true).Cast<IDictionary<string, object>>().ToList();
        var row = Assert.Single(rows);
        Assert.Equal(("CF-1", 50000m), ((string)row["客户编号"], Convert.ToDecimal(row["信用额度"], System.Globalization.CultureInfo.InvariantCulture)));
        using var units = new MemoryStream(await (await browser.GetAsync("/t/demo/serials/export.xlsx?cf.installed_by=cf-1")).Content.ReadAsByteArrayAsync());
        var unit = Assert.Single(MiniExcelLibs.MiniExcel.Query(units, useHeaderRow: true).Cast<IDictionary<string, object>>());
        Assert.Equal(("CF-UNIT-2", "CF-1"), ((string)unit["序列号"], (string)unit["安装商"]));
    }

    [Fact]
    public async Task FilterAndSortTheListByCustomFields()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = await NewTypeAsync(scope, "CF5");
        var form = OnSiteForm();
        form.Sections[0].Fields.Add(new FieldDefinition { Key = "visit_day", Kind = FieldKind.Date, LabelEn = "Visit day" });
        form.Sections[0].Fields.Add(new FieldDefinition { Key = "remark", Kind = FieldKind.Text, LabelEn = "Remark" });
        await PublishAsync(scope.ServiceProvider.GetRequiredService<FormBook>(), FormKeys.ForServiceType(type), form);
        foreach (var (floor, day, remark) in new[] { ("9", "2026-12-01", "二楼东侧"), ("12", "2026-12-05", "楼顶"), ("30", "2026-12-09", "东侧机房") })
        {
            await desk.CreateAsync(Input(type, new() { ["mounting"] = "wall", ["floor_no"] = floor, ["visit_day"] = day, ["remark"] = remark }), Agent);
        }

        await desk.CreateAsync(Input(type, new() { ["mounting"] = "floor" }), Agent);

        async Task<IEnumerable<string>> FloorsAsync(FieldSort? sort = null, params FieldFilter[] filters)
        {
            var page = await desk.SearchAsync(new RequestQuery(ServiceTypeId: type, Fields: filters, FieldSort: sort, Take: 50));
            var values = new List<string>();
            foreach (var row in page.Items)
            {
                var fields = await desk.FieldsAsync((await desk.GetAsync(row.Number))!);
                values.Add(fields.Values.GetValueOrDefault("floor_no") ?? "-");
            }

            return values;
        }

        var byNumberDescending = new FieldSort("floor_no", FieldKind.Number, Descending: true);
        Assert.Equal(["30", "12", "9"], await FloorsAsync(byNumberDescending, new FieldFilter("mounting", FieldKind.SingleSelect, "wall")));
        // Numbers order as numbers (9 before 12), not as text; a request without the value comes last.
        Assert.Equal(["9", "12", "30", "-"], await FloorsAsync(new FieldSort("floor_no", FieldKind.Number, false)));
        Assert.Equal(["12", "9"], await FloorsAsync(byNumberDescending, new FieldFilter("floor_no", FieldKind.Number, "5", "20")));
        Assert.Equal(["30", "12"], await FloorsAsync(byNumberDescending, new FieldFilter("visit_day", FieldKind.Date, "2026-12-05", null)));
        Assert.Equal(["30", "9"], await FloorsAsync(byNumberDescending, new FieldFilter("remark", FieldKind.Text, "东侧")));
        Assert.Equal(["12", "9"], await FloorsAsync(byNumberDescending, new FieldFilter("remark", FieldKind.Text, "楼"), new FieldFilter("visit_day", FieldKind.Date, null, "2026-12-05")));
        Assert.Equal(["12"], await FloorsAsync(byNumberDescending, new FieldFilter("remark", FieldKind.Text, "顶"), new FieldFilter("visit_day", FieldKind.Date, "2026-12-05", "2026-12-05")));

        await using var acme = await factory.TenantScopeAsync("acme");
        var foreign = await acme.ServiceProvider.GetRequiredService<RequestDesk>()
            .SearchAsync(new RequestQuery(Fields: [new FieldFilter("mounting", FieldKind.SingleSelect, "wall")], Take: 50));
        Assert.DoesNotContain(foreign.Items, r => r.TypeCode == "CF5");
    }

    [Fact]
    public async Task PointAttachmentFieldsAtTheRequestsOwnFiles()
    {
        await using var scope = await factory.TenantScopeAsync("demo");
        var desk = scope.ServiceProvider.GetRequiredService<RequestDesk>();
        var type = await NewTypeAsync(scope, "CF6");
        var form = new FormSchema { Sections = [new FormSection { Fields = [new FieldDefinition { Key = "photo", Kind = FieldKind.Attachment, LabelEn = "Photo" }] }] };
        await PublishAsync(scope.ServiceProvider.GetRequiredService<FormBook>(), FormKeys.ForServiceType(type), form);
        var early = await desk.CreateAsync(Input(type, new() { ["photo"] = Guid.NewGuid().ToString() }), Agent);
        var number = (await desk.CreateAsync(Input(type, []), Agent)).Number!;
        var request = (await desk.GetAsync(number))!;
        var added = await scope.ServiceProvider.GetRequiredService<RequestAttachments>().AddAsync(request.Id,
            [new AttachmentUpload("铭牌.jpg", "image/jpeg", 3, () => new MemoryStream([1, 2, 3]))], Agent);
        var photo = added.Added.Single().Id.ToString();

        var foreign = await desk.UpdateFieldsAsync(number, new Dictionary<string, string?> { ["photo"] = Guid.NewGuid().ToString() }, request.ConcurrencyStamp, Agent);
        var own = await desk.UpdateFieldsAsync(number, new Dictionary<string, string?> { ["photo"] = photo }, (await desk.GetAsync(number))!.ConcurrencyStamp, Agent);
        var fields = await desk.FieldsAsync((await desk.GetAsync(number))!);

        Assert.Equal(["photo:Field.NotFound"], early.FieldErrors!.Select(e => $"{e.Key}:{e.Code}"));
        Assert.Equal(RequestSaveStatus.Invalid, foreign.Status);
        Assert.Equal(RequestSaveStatus.Saved, own.Status);
        Assert.Equal("铭牌.jpg", fields.Display(fields.Schema.Field("photo")!, System.Globalization.CultureInfo.GetCultureInfo("zh-CN")));
    }

    [Fact]
    public async Task ShowTheDesignerOnlyForTheTenantsOwnTypesAndToAdmins()
    {
        Guid acmeOnSite, demoOnSite;
        await using (var acme = await factory.TenantScopeAsync("acme"))
        {
            acmeOnSite = (await acme.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
        }

        await using (var demo = await factory.TenantScopeAsync("demo"))
        {
            demoOnSite = (await demo.ServiceProvider.GetRequiredService<ServiceTypeCatalog>().FindByCodeAsync("ONSITE"))!.Id;
        }

        var admin = factory.CreateBrowser();
        await admin.LoginAsync("/t/demo", "admin@demo.example");
        var agent = factory.CreateBrowser();
        await agent.LoginAsync("/t/demo", "agent@demo.example");

        var (foreign, _) = await admin.GetPageAsync($"/t/demo/admin/forms/request/{acmeOnSite}");
        var (own, html) = await admin.GetPageAsync($"/t/demo/admin/forms/request/{demoOnSite}");
        var unknownForm = (await admin.GetPageAsync("/t/demo/admin/forms/nonsense")).Response;
        var asAgent = await agent.GetAsync($"/t/demo/admin/forms/request/{demoOnSite}");

        Assert.Equal(HttpStatusCode.NotFound, foreign.StatusCode);
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("上门服务", html, StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, unknownForm.StatusCode);
        Assert.NotEqual(HttpStatusCode.OK, asAgent.StatusCode);
    }

    private static RequestInput Input(Guid type, Dictionary<string, string?> fields) =>
        new() { ServiceTypeId = type, ContactPhone = "13800000000", Subject = "上门维修", CustomFields = fields };

    private static async Task<Guid> NewTypeAsync(AsyncServiceScope scope, string code)
    {
        var result = await scope.ServiceProvider.GetRequiredService<ServiceTypeCatalog>()
            .SaveAsync(null, new ServiceTypeInput { Code = code, NameZh = code, NameEn = code }, null);
        return result.Id ?? throw new InvalidOperationException($"Type {code}: {result.Status}");
    }

    private static async Task PublishAsync(FormBook forms, string key, FormSchema schema)
    {
        var design = await forms.DesignAsync(key);
        var draft = await forms.SaveDraftAsync(key, schema, design.DraftStamp, "admin");
        var published = await forms.PublishAsync(key, draft.Stamp!, "admin");
        Assert.Equal(DesignSaveStatus.Saved, published.Status);
    }

    private async Task<HttpClient> ClientAsync(string clientId, string secret)
    {
        var client = factory.CreateCookielessClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await client.TokenAsync(clientId, secret));
        return client;
    }
}
