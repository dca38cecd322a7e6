using System.Text.RegularExpressions;

namespace AfterSales.IntegrationTests;

/// <summary>
/// Every text key a page asks for exists in English and Chinese: a missing key shows its raw name to the user, which
/// no compiler catches.
/// </summary>
public sealed partial class TextsShould
{
    // The localizer each feature's _Imports.razor injects, by its variable name.
    private static readonly (string Folder, char Localizer, string Tsv)[] Areas =
    [
        ("src/Modules/Products", 'P', "src/Modules/Products/ProductText.tsv"),
        ("src/Modules/Customers", 'C', "src/Modules/Customers/CustomerText.tsv"),
        ("src/Modules/Administration", 'A', "src/Modules/Administration/AdminText.tsv"),
        ("src/Modules/Service", 'S', "src/Modules/Service/ServiceText.tsv"),
        ("src/Modules/Workflow", 'W', "src/Modules/Workflow/WorkflowText.tsv"),
        ("src/Modules/Sla", 'L', "src/Modules/Sla/SlaText.tsv"),
        ("src/Modules/Notifications", 'N', "src/Modules/Notifications/NotificationText.tsv"),
        ("src/Modules/Webhooks", 'H', "src/Modules/Webhooks/WebhookText.tsv"),
        ("src/Modules/Dispatch", 'D', "src/Modules/Dispatch/DispatchText.tsv"),
        ("src/Modules/Rma", 'R', "src/Modules/Rma/RmaText.tsv"),
        ("src/Modules/WorkReports", 'O', "src/Modules/WorkReports/WorkReportText.tsv"),
        ("src/Modules/Parts", 'K', "src/Modules/Parts/PartText.tsv"),
        ("src/Modules/Visits", 'V', "src/Modules/Visits/VisitText.tsv"),
        ("src/Modules/Scheduling", 'G', "src/Modules/Scheduling/ScheduleText.tsv"),
        ("src/Modules/Reminders", 'M', "src/Modules/Reminders/ReminderText.tsv"),
        ("src/Modules/Knowledge", 'Q', "src/Modules/Knowledge/KnowledgeText.tsv"),
        ("src/Modules/Billing", 'B', "src/Modules/Billing/BillingText.tsv"),
        ("src/Modules/Reports", 'Y', "src/Modules/Reports/ReportText.tsv"),
        ("src/Portal", 'U', "src/Portal/PortalText.tsv"),
        // Pages of any feature render custom fields, so the forms' texts are checked everywhere.
        ("src/Modules", 'F', "src/Modules/Forms/FormsText.tsv"),
        ("src/Modules", 'T', "src/Modules/Shared/Strings.tsv"),
        ("src/Host/Components", 'T', "src/Modules/Shared/Strings.tsv"),
    ];

    [Fact]
    public void DefineEveryKeyThePagesUse()
    {
        var root = RepositoryRoot();
        var missing = new List<string>();
        foreach (var (folder, localizer, tsv) in Areas)
        {
            var defined = File.ReadAllLines(Path.Combine(root, tsv))
                .Select(line => line.Split('\t'))
                .Where(cells => cells.Length >= 3 && cells[1].Length > 0 && cells[2].Length > 0)
                .Select(cells => cells[0])
                .ToHashSet(StringComparer.Ordinal);
            foreach (var page in Directory.EnumerateFiles(Path.Combine(root, folder), "*.razor", SearchOption.AllDirectories))
            {
                foreach (Match use in KeyUse().Matches(File.ReadAllText(page)))
                {
                    if (use.Groups["localizer"].Value[0] == localizer && !defined.Contains(use.Groups["key"].Value))
                    {
                        missing.Add($"{Path.GetRelativePath(root, page)}: {localizer}[\"{use.Groups["key"].Value}\"]");
                    }
                }
            }
        }

        Assert.True(missing.Count == 0, "Text keys without an English and Chinese text:\n" + string.Join("\n", missing.Distinct()));
    }

    private static string RepositoryRoot()
    {
        var directory = new DirectoryInfo(AppContext.BaseDirectory);
        while (directory is not null && !File.Exists(Path.Combine(directory.FullName, "AfterSales.Saas.sln")))
        {
            directory = directory.Parent;
        }

        return directory?.FullName ?? throw new InvalidOperationException("The repository root was not found above " + AppContext.BaseDirectory);
    }

    // A literal key only: keys built at run time ("Kind." + kind) are checked by the pages' own tests.
    [GeneratedRegex("""(?<![A-Za-z0-9_])(?<localizer>[PCATSFWLNHDROKVGMQBYU])\["(?<key>[A-Za-z0-9_.]+)"[,\]]""")]
    private static partial Regex KeyUse();
}
