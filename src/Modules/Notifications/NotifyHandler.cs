using System.Globalization;
using System.Runtime.CompilerServices;
using AfterSales.Modules.Customers;
using AfterSales.Modules.Service;
using AfterSales.Tenancy;
using AfterSales.Workflows.Actions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Logging;

namespace AfterSales.Modules.Notifications;

/// <summary>
/// The workflow's "notify": resolves the addressees, renders the tenant's template in the tenant's language and puts one outbox
/// row per addressee and channel into the transition's unit of work. Nothing is sent from here: a refused or conflicting
/// transition leaves no row, and the outbox poll delivers what was committed.
/// </summary>
public sealed class NotifyHandler(
    IAssigneeDirectory staff, CustomerDirectory customers, DictionaryBook dictionaries, ITenantContext tenantContext, IConfiguration configuration,
    AfterSales.Modules.Visits.VisitLinkPlaceholder visitLinks, ILogger<NotifyHandler> log) : IRequestActionHandler
{
    // A timer batch fires dozens of notifications in one unit of work: templates, role members and names are read once for it.
    private readonly ConditionalWeakTable<IServiceDb, UnitCache> caches = new();

    public bool CanHandle(WorkflowAction action) => action is NotifyAction;

    public async Task HandleAsync(RequestActionContext context, CancellationToken cancellationToken)
    {
        var notify = (NotifyAction)context.Action;
        var tenant = tenantContext.Tenant!;
        var request = context.Request;
        var db = context.Database<INotificationsDb>();
        var cache = caches.GetValue(context.Db, _ => new UnitCache());
        if (!cache.Templates.TryGetValue(notify.Template, out var template))
        {
            cache.Templates[notify.Template] = template = await db.NotificationTemplates.AsNoTracking().FirstOrDefaultAsync(t => t.Key == notify.Template, cancellationToken)
                ?? DefaultTemplates.Find(notify.Template)
                ?? DefaultTemplates.Find(DefaultTemplates.FallbackKey)!;
        }

        var customer = request.CustomerId is { } customerId ? await customers.GetAsync(customerId, cancellationToken) : null;
        var recipients = await RecipientsAsync(notify, context, customer, cache, cancellationToken);
        if (recipients.Count == 0)
        {
            log.LogInformation("Notification {Template} of {Request} has no addressee to reach by {Channel}", notify.Template, request.Number, notify.Channel);
            return;
        }

        var culture = CultureInfo.GetCultureInfo(tenant.DefaultCulture);
        var zh = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var link = $"requests/{request.Number}";
        var values = await ValuesAsync(context, customer, culture, link, cache, cancellationToken);
        // A customer's link is a credential: issued only for a template that sends one.
        if (new[] { template.SubjectZh, template.SubjectEn, template.BodyZh, template.BodyEn }.Any(t => t.Contains("{{" + AfterSales.Modules.Visits.VisitLinkPlaceholder.Name + "}}", StringComparison.Ordinal))
            && await visitLinks.PathAsync(context, cancellationToken) is { } visitPath)
        {
            values[AfterSales.Modules.Visits.VisitLinkPlaceholder.Name] = $"{configuration["Notifications:PublicBaseUrl"]?.TrimEnd('/')}/t/{tenant.Identifier}/{visitPath}";
        }

        var subject = Clip(NotificationRules.Render(zh ? template.SubjectZh : template.SubjectEn, values), NotificationRules.SubjectLength);
        var bodyTemplate = zh ? template.BodyZh : template.BodyEn;
        var body = notify.Channel == NotificationChannel.Email ? NotificationRules.Html(bodyTemplate, values) : NotificationRules.Render(bodyTemplate, values);
        foreach (var (address, name) in recipients)
        {
            db.OutboxMessages.Add(new OutboxMessage
            {
                Channel = notify.Channel == NotificationChannel.Email ? DeliveryChannel.Email : DeliveryChannel.InApp,
                Recipient = address,
                RecipientName = name is null ? null : Clip(name, 128),
                TemplateKey = Clip(notify.Template, NotificationRules.KeyLength),
                Subject = subject,
                Body = Clip(body, NotificationRules.BodyLength),
                Link = link,
                RequestId = request.Id,
                RequestNumber = request.Number,
                CreatedAt = context.Now,
                NextAttemptAt = context.Now.ToUniversalTime(),
            });
        }
    }

    // Addresses per channel: a user id for the bell, an e-mail address for mail. Customers have no bell until the portal has one.
    private async Task<IReadOnlyList<(string Address, string? Name)>> RecipientsAsync(NotifyAction notify, RequestActionContext context, Customer? customer,
        UnitCache cache, CancellationToken cancellationToken)
    {
        var people = new List<StaffContact>();
        var userIds = new List<string>();
        var result = new List<(string, string?)>();
        foreach (var recipient in notify.Recipients)
        {
            switch (recipient.Kind)
            {
                case RecipientKind.Role when !string.IsNullOrWhiteSpace(recipient.Value):
                    if (!cache.Roles.TryGetValue(recipient.Value, out var members))
                    {
                        cache.Roles[recipient.Value] = members = await staff.InRoleAsync(recipient.Value, cancellationToken);
                    }

                    people.AddRange(members);
                    break;
                case RecipientKind.User when !string.IsNullOrWhiteSpace(recipient.Value):
                    userIds.Add(recipient.Value);
                    break;
                case RecipientKind.Assignee when context.Request.AssigneeId is { } assignee:
                    userIds.Add(assignee);
                    break;
                case RecipientKind.Actor when context.Actor.UserId is { } actor:
                    userIds.Add(actor);
                    break;
                case RecipientKind.Customer when notify.Channel == NotificationChannel.InApp:
                    log.LogInformation("Notification {Template} of {Request} skips the customer: customers have no in-app inbox yet", notify.Template, context.Request.Number);
                    break;
                case RecipientKind.Customer when notify.Channel == NotificationChannel.Email:
                    if (CustomerAddress(customer, context.Request) is { } address)
                    {
                        result.Add(address);
                    }

                    break;
            }
        }

        if (userIds.Count > 0)
        {
            people.AddRange(await staff.ContactsAsync(userIds, cancellationToken));
        }

        foreach (var person in people.DistinctBy(p => p.UserId))
        {
            if (notify.Channel == NotificationChannel.InApp)
            {
                result.Add((person.UserId, person.Name));
            }
            else if (!string.IsNullOrWhiteSpace(person.Email))
            {
                result.Add((person.Email, person.Name));
            }
        }

        return result.DistinctBy(r => r.Item1, StringComparer.OrdinalIgnoreCase).ToList();
    }

    // The contact the request names (by phone, then by name) when they have an address, the customer's own address otherwise.
    internal static (string Address, string? Name)? CustomerAddress(Customer? customer, ServiceRequest request)
    {
        if (customer is null)
        {
            return null;
        }

        var withMail = customer.Contacts.Where(c => !string.IsNullOrWhiteSpace(c.Email)).ToList();
        var contact = withMail.FirstOrDefault(c => request.ContactPhone is { } phone && c.Phone == phone)
            ?? withMail.FirstOrDefault(c => request.ContactName is { } name && c.Name == name);
        return contact is not null ? (contact.Email!.Trim(), contact.Name)
            : !string.IsNullOrWhiteSpace(customer.Email) ? (customer.Email.Trim(), customer.Name)
            : null;
    }

    private async Task<Dictionary<string, string?>> ValuesAsync(RequestActionContext context, Customer? customer, CultureInfo culture, string link,
        UnitCache cache, CancellationToken cancellationToken)
    {
        var request = context.Request;
        var type = request.ServiceType ?? await context.Db.ServiceTypes.AsNoTracking().FirstOrDefaultAsync(t => t.Id == request.ServiceTypeId, cancellationToken);
        var zh = culture.Name.StartsWith("zh", StringComparison.OrdinalIgnoreCase);
        var names = cache.Names ??= await dictionaries.ChoiceNamesAsync(cancellationToken);
        var previous = CultureInfo.CurrentUICulture;
        string priority;
        try
        {
            // Priority names follow the reader's language, which here is the tenant's, not the circuit's or the poll's.
            CultureInfo.CurrentUICulture = culture;
            priority = names.Priority(request.Priority);
        }
        finally
        {
            CultureInfo.CurrentUICulture = previous;
        }

        var baseUrl = configuration["Notifications:PublicBaseUrl"]?.TrimEnd('/');
        return new Dictionary<string, string?>(StringComparer.Ordinal)
        {
            ["number"] = request.Number,
            ["subject"] = request.Subject,
            ["status"] = zh ? context.StatusName.Zh : context.StatusName.En,
            ["type"] = type?.NameIn(culture),
            ["priority"] = priority,
            ["customer"] = customer?.Name ?? request.ContactName,
            ["assignee"] = request.AssigneeName,
            ["actor"] = ReferenceEquals(context.Actor, RequestActor.System) ? (zh ? "系统" : "the system") : context.Actor.Name,
            ["company"] = tenantContext.Tenant!.Name,
            ["link"] = $"{baseUrl}/t/{tenantContext.Tenant!.Identifier}/{link}",
        };
    }

    private static string Clip(string text, int length) => text.Length > length ? text[..length] : text;

    private sealed class UnitCache
    {
        public Dictionary<string, NotificationTemplate> Templates { get; } = new(StringComparer.Ordinal);
        public Dictionary<string, IReadOnlyList<StaffContact>> Roles { get; } = new(StringComparer.Ordinal);
        public ChoiceNames? Names { get; set; }
    }
}
