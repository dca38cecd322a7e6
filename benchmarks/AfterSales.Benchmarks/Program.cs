using System.Reflection;
using System.Text.RegularExpressions;
using AfterSales.Benchmarks;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// The datasets are generated here, once, before BenchmarkDotNet starts a process per benchmark; those processes only read them.
// --generate makes the datasets of the filtered benchmarks and stops, to prepare a machine without running anything.
const string GenerateOnly = "--generate";
if (args.Contains("--schema-hash"))
{
    Console.WriteLine(Dataset.ModelSchema);
    return;
}

if (!args.Any(a => a is "--list" or "--help" or "-h" or "--info"))
{
    foreach (var dataset in DatasetsFor(Filters(args)))
    {
        await dataset.EnsureAsync();
    }

    if (args.Contains(GenerateOnly))
    {
        return;
    }
}

if (Array.IndexOf(args, QuickReportTimes.Switch) is var quick and >= 0)
{
    await QuickReportTimes.RunAsync(quick + 1 < args.Length && int.TryParse(args[quick + 1], out var runs) ? runs : 5);
    return;
}

if (Array.IndexOf(args, QuickCareScan.Switch) is var care and >= 0)
{
    await QuickCareScan.RunAsync(care + 1 < args.Length && int.TryParse(args[care + 1], out var runs) ? runs : 1);
    return;
}

var config = DefaultConfig.Instance.WithArtifactsPath(Path.GetFullPath(Path.Combine(Dataset.DataDirectory, "..", "BenchmarkDotNet.Artifacts")));
BenchmarkSwitcher.FromAssembly(typeof(Dataset).Assembly).Run(args, config);

// The globs after --filter (BenchmarkDotNet's syntax); none means BenchmarkDotNet will ask, so every dataset may be needed.
static List<Regex> Filters(string[] args)
{
    var globs = args.SkipWhile(a => a is not ("--filter" or "-f")).Skip(1).TakeWhile(a => !a.StartsWith('-')).ToList();
    return globs.Select(g => new Regex("^" + Regex.Escape(g).Replace(@"\*", ".*").Replace(@"\?", ".") + "$", RegexOptions.IgnoreCase)).ToList();
}

// The datasets of the classes with a benchmark whose full name (Namespace.Class.Method) a filter matches, as BenchmarkDotNet matches them.
static IEnumerable<Dataset> DatasetsFor(List<Regex> filters)
{
    var names = typeof(Dataset).Assembly.GetTypes()
        .Where(t => t.GetCustomAttribute<UsesDatasetsAttribute>() is not null)
        .Where(t => filters.Count == 0 || t.GetMethods().Any(m => m.GetCustomAttribute<BenchmarkAttribute>() is not null
                                                                  && filters.Any(f => f.IsMatch($"{t.FullName}.{m.Name}"))))
        .SelectMany(t => t.GetCustomAttribute<UsesDatasetsAttribute>()!.Names)
        .ToHashSet(StringComparer.Ordinal);
    return Dataset.All.Where(d => names.Contains(d.Name));
}
