using AfterSales.Modules.Service;
using AfterSales.Modules.Shared;

namespace AfterSales.Host.Seeding;

/// <summary>Sample service requests at different points of the closed loop, so every list view shows something.</summary>
internal static class DemoRequests
{
    private static readonly RequestActor Seeder = new(null, "Demo", new HashSet<string> { Roles.Manager });

    public static async Task SeedAsync(RequestDesk desk, ServiceTypeCatalog types, bool chinese, CancellationToken cancellationToken)
    {
        var onSite = new Dictionary<string, string?> { ["mounting"] = "wall", ["floor_no"] = "18", ["height_work"] = "true", ["time_slot"] = "morning" };
        (string Type, string? Customer, string? Serial, string Subject, Dictionary<string, string?> Fields, RequestAction[] Then)[] requests = chinese
            ?
            [
                ("ONSITE", null, "KT35-2024-0001", "空调不制冷，室外机不启动", onSite, [RequestAction.Assign]),
                ("REMOTE", null, "JS90-0001", "净水机报警灯闪烁", [], []),
                ("COMPLAINT", "C1002", null, "上门服务迟到两小时", [], [RequestAction.Assign, RequestAction.Process, RequestAction.StartReturnVisit]),
                ("CONSULT", "C1006", null, "热水器如何除垢", [], [RequestAction.Assign, RequestAction.Process, RequestAction.Close]),
            ]
            :
            [
                ("ONSITE", null, "PX100-A001", "Pump leaking at the seal", new() { ["mounting"] = "floor", ["time_slot"] = "afternoon" }, []),
                ("CONSULT", "AC-502", null, "Recommended maintenance schedule", [], [RequestAction.Assign, RequestAction.Process, RequestAction.Close]),
            ];
        var engineer = (await desk.EngineersAsync(cancellationToken)).First();
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

            foreach (var action in then)
            {
                var stamp = (await desk.GetAsync(saved.Number!, cancellationToken))!.ConcurrencyStamp;
                await desk.ApplyAsync(saved.Number!, action, stamp, Seeder, action == RequestAction.Assign ? engineer.UserId : null, cancellationToken: cancellationToken);
            }
        }
    }
}
