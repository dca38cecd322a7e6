using AfterSales.Benchmarks;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Running;

// The datasets are generated here, once, before BenchmarkDotNet starts a process per benchmark; those processes only read them.
if (!args.Any(a => a is "--list" or "--help" or "-h" or "--info"))
{
    await Dataset.OneTenant.EnsureAsync();
    await Dataset.ThousandTenants.EnsureAsync();
}

var config = DefaultConfig.Instance.WithArtifactsPath(Path.GetFullPath(Path.Combine(Dataset.DataDirectory, "..", "BenchmarkDotNet.Artifacts")));
BenchmarkSwitcher.FromAssembly(typeof(Dataset).Assembly).Run(args, config);
