using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;

namespace AfterSales.Host.Seeding;

/// <summary>Sample service requests at different points of the closed loop, so every list view shows something.</summary>
internal static class DemoRequests
{
    private static readonly RequestActor Seeder = new("demo-seeder", "Demo", new HashSet<string> { Roles.Manager, Roles.Dispatcher, Roles.Agent });

    public static async Task SeedAsync(RequestDesk desk, RequestWorkflow workflow, ServiceTypeCatalog types, bool chinese, CancellationToken cancellationToken)
    {
        var onSite = new Dictionary<string, string?> { ["mounting"] = "wall", ["floor_no"] = "18", ["height_work"] = "true", ["time_slot"] = "morning" };
        (string Type, string? Customer, string? Serial, string Subject, Dictionary<string, string?> Fields, string[] Then)[] requests = chinese
            ?
            [
                ("ONSITE", null, "KT35-2024-0001", "空调不制冷，室外机不启动", onSite, ["Assign"]),
                ("REMOTE", null, "JS90-0001", "净水机报警灯闪烁", [], []),
                ("COMPLAINT", "C1002", null, "上门服务迟到两小时", [], ["Assign", "Process", "StartReturnVisit"]),
                ("CONSULT", "C1006", null, "热水器如何除垢", [], ["Assign", "Answer", "Close"]),
            ]
            :
            [
                ("ONSITE", null, "PX100-A001", "Pump leaking at the seal", new() { ["mounting"] = "floor", ["time_slot"] = "afternoon" }, []),
                ("CONSULT", "AC-502", null, "Recommended maintenance schedule", [], ["Assign", "Answer", "Close"]),
            ];
        var engineer = (await desk.EngineersAsync(cancellationToken)).First();
        // The timeline keeps a transition form's labels in the language of whoever filled it in: here, the tenant's.
        var culture = System.Globalization.CultureInfo.CurrentUICulture;
        System.Globalization.CultureInfo.CurrentUICulture = new System.Globalization.CultureInfo(chinese ? "zh-CN" : "en");
        try
        {
            foreach (var (type, customer, serial, subject, fields, then) in requests)
            {
                var saved = await desk.CreateAsync(new RequestInput
                {
                    ServiceTypeId = (await types.FindByCodeAsync(type, cancellationToken))!.Id,
                    CustomerCode = customer,
                    SerialNumber = serial,
                    Subject = subject,
                    CustomFields = fields,
                }, Seeder, cancellationToken);
                if (saved.Status != RequestSaveStatus.Saved)
                {
                    throw new InvalidOperationException($"Seeding request \"{subject}\" failed: {string.Join(", ", [.. saved.Errors?.Values ?? [], .. saved.FieldErrors?.Select(e => $"{e.Key}:{e.Code}") ?? []])}");
                }

                foreach (var key in then)
                {
                    var request = (await desk.GetAsync(saved.Number!, cancellationToken))!;
                    var transition = (await workflow.StateAsync(request.Id, Seeder, cancellationToken))!.Transitions.Single(t => t.Key == key);
                    var values = new Dictionary<string, string?>();
                    foreach (var field in (await workflow.FormAsync(request.Id, transition, cancellationToken)).Fields)
                    {
                        values[field.Key] = field.Key == TransitionForm.AssigneeField ? engineer.UserId
                            : field.HasOptions ? field.Options.FirstOrDefault()?.Value
                            : field.Kind == AfterSales.Modules.Forms.FieldKind.YesNo ? "true"
                            : chinese ? "已按标准流程处理" : "Handled by the standard procedure";
                    }

                    var outcome = await workflow.FireAsync(request.Number, key, values, null, request.ConcurrencyStamp, Seeder, cancellationToken);
                    if (outcome.Status != ActionStatus.Done)
                    {
                        throw new InvalidOperationException($"Seeding {key} on \"{subject}\" failed: {outcome.Status} {outcome.Refusal?.En}");
                    }
                }
            }
        }
        finally
        {
            System.Globalization.CultureInfo.CurrentUICulture = culture;
        }
    }
}
