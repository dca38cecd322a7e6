using AfterSales.Host.Api;
using AfterSales.Host.Components;
using AfterSales.Host.Data;
using AfterSales.Host.Identity;
using AfterSales.Host.Seeding;
using AfterSales.Host.Setup;
using AfterSales.Host.Storage;
using AfterSales.Modules.Administration;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Products;
using AfterSales.Modules.Forms;
using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;
using AfterSales.Modules.Sla;
using AfterSales.Modules.Notifications;
using AfterSales.Modules.Webhooks;
using AfterSales.Modules.Dispatch;
using AfterSales.Modules.WorkReports;
using AfterSales.Modules.Parts;
using AfterSales.Modules.Reminders;
using AfterSales.Modules.Rma;
using AfterSales.Modules.Visits;
using AfterSales.Modules.Scheduling;
using AfterSales.Modules.Knowledge;
using AfterSales.Modules.Billing;
using AfterSales.Modules.Reports;
using AfterSales.Modules.Workflow;
using AfterSales.Portal;
using AfterSales.Portal.Accounts;
using AfterSales.Tenancy;
using Microsoft.AspNetCore.DataProtection;
using OpenIddict.Validation.AspNetCore;
using Quartz;
using Radzen;
using Serilog;

var builder = WebApplication.CreateBuilder(args);
builder.Host.UseSerilog((context, logger) => logger.ReadFrom.Configuration(context.Configuration).WriteTo.Console());

builder.Services.AddAppDatabase(builder.Configuration, builder.Environment);
builder.Services.AddTenancy(TenantEvents.Configure)
    .WithRoutePrefixStrategy()
    .WithHostStrategy(builder.Configuration["Tenancy:BaseHost"])
    .WithClaimStrategy(OpenIddictValidationAspNetCoreDefaults.AuthenticationScheme)
    .WithEfCoreStore<AppDbContext>();
builder.Services.AddStaffIdentity(builder.Configuration);
builder.Services.AddApiAuthorizationServer(builder.Configuration, builder.Environment);
builder.Services.AddAuthRateLimits(builder.Configuration);
builder.Services.AddDataProtection().SetApplicationName("AfterSales.Cloud").PersistKeysToDbContext<AppDbContext>();
builder.Services.AddAdministrationModule();
builder.Services.AddCustomersModule();
builder.Services.AddProductsModule();
builder.Services.AddFormsModule();
builder.Services.AddServiceModule();
builder.Services.AddWorkflowModule();
builder.Services.AddSlaModule();
builder.Services.AddNotificationsModule(builder.Configuration);
builder.Services.AddWebhooksModule(builder.Configuration);
builder.Services.AddDispatchModule();
builder.Services.AddRmaModule();
builder.Services.AddWorkReportsModule();
builder.Services.AddPartsModule();
builder.Services.AddVisitsModule();
builder.Services.AddSchedulingModule();
builder.Services.AddRemindersModule(builder.Configuration);
builder.Services.AddKnowledgeModule();
builder.Services.AddBillingModule(builder.Configuration);
builder.Services.AddReportsModule(builder.Configuration);
builder.Services.AddPortalModule();
builder.Services.AddWorkflowTimers(builder.Configuration);
// One scheduler for the polls the modules registered (workflow timers, the notification outbox); idle when every poll is off.
builder.Services.AddScheduler(builder.Configuration, builder.Environment);
builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.Converters.Add(new System.Text.Json.Serialization.JsonStringEnumConverter()));
builder.Services.AddSingleton(TimeProvider.System);
builder.Services.AddSingleton<IFileStore, DiskFileStore>();
builder.Services.AddHttpContextAccessor();
builder.Services.AddLocalization();
builder.Services.AddProblemDetails();
builder.Services.AddOpenApi();
builder.Services.AddHealthChecks().AddDbContextCheck<AppDbContext>(tags: ["ready"]);
builder.Services.AddCascadingAuthenticationState();
builder.Services.AddRadzenComponents();
builder.Services.AddRazorComponents().AddInteractiveServerComponents();
builder.Services.AddScoped<DemoSeeder>();
builder.Services.AddSingleton<PlatformBootstrap>();

var app = builder.Build();

await app.Services.MigrateDatabaseAsync(app.Configuration);
await app.Services.GetRequiredService<PlatformBootstrap>().RunAsync();
if (app.Environment.IsDevelopment() && app.Configuration.GetValue("Database:SeedDemoData", true))
{
    await using var seedScope = app.Services.CreateAsyncScope();
    await seedScope.ServiceProvider.GetRequiredService<DemoSeeder>().SeedAsync();
}

if (DataGeneratorCommand.IsInvoked(args))
{
    Environment.ExitCode = await DataGeneratorCommand.RunAsync(app.Services, args);
    return;
}

if (!app.Environment.IsDevelopment())
{
    app.UseExceptionHandler("/errors/500", createScopeForErrors: true);
    app.UseHsts();
    app.UseHttpsRedirection();
}

app.UseSecurityHeaders();
app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
app.UseTenancy();
// After tenancy, in the same scope: the not-found page keeps the tenant's shell and language.
app.UseWhen(c => HttpMethods.IsGet(c.Request.Method) && !c.Request.Path.StartsWithSegments("/api"), pages => pages.UseStatusCodePagesWithReExecute("/not-found"));
app.UseAppLocalization();
app.UseRouting();
app.UseRateLimiter();
app.UseAuthentication();
app.UsePortalCustomer();
app.UseAuthorization();
app.UseAntiforgery();
app.UseReadOnlyTenantAnswers();

app.MapStaticAssets();
app.MapHealthEndpoints();
app.MapOpenApi("/openapi/{documentName}.json");
app.MapTokenEndpoint();
app.MapPortalAuthorization();
app.MapPortalSignIn();
app.MapApi();
app.MapCultureSwitch();
app.MapAccountEndpoints();
app.MapCustomersDownloads();
app.MapProductsDownloads();
app.MapServiceDownloads();
app.MapWorkflowDownloads();
app.MapWorkReportDownloads();
app.MapKnowledgeDownloads();
app.MapBilling();
app.MapReportDownloads();
app.MapRazorComponents<App>()
    .AddInteractiveServerRenderMode()
    .AddAdditionalAssemblies(typeof(AdministrationModule).Assembly, typeof(PortalModule).Assembly);

app.Run();

/// <summary>Entry point, public for WebApplicationFactory.</summary>
public partial class Program;
