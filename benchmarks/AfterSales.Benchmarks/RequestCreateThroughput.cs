using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Engines;
using BenchmarkDotNet.Jobs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using BenchmarkDotNet.Toolchains.InProcess.Emit;

namespace AfterSales.Benchmarks;

/// <summary>
/// Requests created per second through <c>POST /api/v1/service-requests</c> of the real host (bearer token of the tenant's API
/// client, a unit's serial number and the on-site form's custom fields in the body), against a bare minimal-API endpoint that
/// inserts one row into the same-sized copy of the database. One iteration is a batch of <see cref="Requests"/> POSTs by
/// <see cref="Clients"/> concurrent clients over loopback HTTP; the ratio of mean batch times is the inverse ratio of throughputs.
/// </summary>
[Config(typeof(Config))]
[UsesDatasets("requests-1000x1000")]
public class RequestCreateThroughput
{
    public const int Requests = 400;

    /// <summary>Tenants whose integrations post at the same time, round robin.</summary>
    private const int Tenants = 16;

    private string? _database;
    private BareInsertApp? _bare;
    private ApiHost? _host;
    private HttpClient? _http;
    private List<(string Token, string Body)> _calls = [];
    private Uri? _target;
    private int _next;

    [Params(1, 8)]
    public int Clients { get; set; }

    [GlobalSetup(Target = nameof(BareEndpoint))]
    public async Task SetUpBareAsync()
    {
        _database = Dataset.RequestsThousandTenants.CopyForWriting("create");
        _calls = Calls(_database, await TokensAsync(null));
        _bare = await BareInsertApp.StartAsync(_database);
        _target = new Uri(_bare.BaseAddress, BareInsertApp.Path);
        await WarmUpAsync();
    }

    [GlobalSetup(Target = nameof(Api))]
    public async Task SetUpApiAsync()
    {
        _database = Dataset.RequestsThousandTenants.CopyForWriting("create");
        _host = new ApiHost(_database);
        _host.Start();
        _calls = Calls(_database, await TokensAsync(_host));
        _target = new Uri(_host.BaseAddress, "/api/v1/service-requests");
        await WarmUpAsync();
    }

    [Benchmark(Baseline = true, Description = "bare minimal API, INSERT of one row")]
    public Task<int> BareEndpoint() => PostBatchAsync();

    [Benchmark(Description = "POST /api/v1/service-requests")]
    public Task<int> Api() => PostBatchAsync();

    [GlobalCleanup]
    public async Task CleanUpAsync()
    {
        _http?.Dispose();
        if (_bare is not null)
        {
            await _bare.DisposeAsync();
        }

        if (_host is not null)
        {
            await _host.DisposeAsync();
        }

        Dataset.DeleteCopy(_database);
    }

    private async Task WarmUpAsync()
    {
        // Connections to the server opened, code through tiered JIT and caches warm (tenants, forms, tokens) before BenchmarkDotNet's own warm-up.
        _http = new HttpClient(new SocketsHttpHandler { PooledConnectionLifetime = Timeout.InfiniteTimeSpan, MaxConnectionsPerServer = 64 });
        for (var i = 0; i < 3; i++)
        {
            await PostBatchAsync();
        }
    }

    private async Task<int> PostBatchAsync()
    {
        var remaining = Requests;
        var workers = Enumerable.Range(0, Clients).Select(async _ =>
        {
            var done = 0;
            while (Interlocked.Decrement(ref remaining) >= 0)
            {
                var (token, body) = _calls[(int)((uint)Interlocked.Increment(ref _next) % _calls.Count)];
                using var request = new HttpRequestMessage(HttpMethod.Post, _target) { Content = new StringContent(body, Encoding.UTF8, "application/json") };
                if (token.Length > 0)
                {
                    request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
                }

                using var response = await _http!.SendAsync(request);
                if (response.StatusCode != HttpStatusCode.Created)
                {
                    throw new InvalidOperationException($"POST {_target} answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
                }

                done++;
            }

            return done;
        }).ToList();
        return (await Task.WhenAll(workers)).Sum();
    }

    // A token per tenant from POST /connect/token, as an integration gets it; the bare endpoint gets the same bodies and no token.
    private static async Task<Dictionary<string, string>> TokensAsync(ApiHost? host)
    {
        var tenants = Enumerable.Range(1, Tenants).Select(i => $"{Dataset.TenantPrefix}{i:D4}").ToList();
        if (host is null)
        {
            return tenants.ToDictionary(t => t, _ => "");
        }

        using var http = new HttpClient { BaseAddress = host.BaseAddress };
        var tokens = new Dictionary<string, string>();
        foreach (var tenant in tenants)
        {
            var client = await host.CreateApiClientAsync(tenant);
            using var response = await http.PostAsync("/connect/token", new FormUrlEncodedContent(new Dictionary<string, string>
            {
                ["grant_type"] = "client_credentials", ["client_id"] = client.ClientId, ["client_secret"] = client.Secret,
            }));
            using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            tokens[tenant] = json.RootElement.TryGetProperty("access_token", out var token)
                ? token.GetString()!
                : throw new InvalidOperationException($"No token for {tenant}: {json.RootElement}");
        }

        return tokens;
    }

    // What an ERP posts: its on-site type, one of its units (which brings owner, model and warranty), a phone, and the form's fields.
    private static List<(string Token, string Body)> Calls(string databasePath, Dictionary<string, string> tokens)
    {
        var units = Samples.OnSiteUnits(databasePath, tokens.Keys.ToList());
        return units.Select(u => (tokens[u.Tenant], JsonSerializer.Serialize(new
        {
            serviceTypeId = u.ServiceTypeId,
            serialNumber = u.Number,
            contactPhone = "13800138000",
            subject = "不制冷，室外机不启动",
            customFields = new Dictionary<string, object> { ["mounting"] = "wall", ["floor_no"] = 12, ["height_work"] = true },
        }))).ToList();
    }

    private sealed class Config : ManualConfig
    {
        public Config()
        {
            // In process: the host needs the deps file that Microsoft.AspNetCore.Mvc.Testing puts beside this project's build,
            // and both endpoints are then measured in the same process. Server GC comes from the project, as the host's.
            AddJob(Job.Default
                .WithId("Batch")
                .WithToolchain(InProcessEmitToolchain.Instance)
                .WithStrategy(RunStrategy.Monitoring)
                .WithInvocationCount(1)
                .WithUnrollFactor(1)
                .WithWarmupCount(3)
                .WithIterationCount(15));
            AddColumn(new ThroughputColumn(), StatisticColumn.Median, StatisticColumn.Min, StatisticColumn.Max);
            AddDiagnoser(BenchmarkDotNet.Diagnosers.MemoryDiagnoser.Default);
            AddLogicalGroupRules(BenchmarkLogicalGroupRule.ByParams);
        }
    }

    /// <summary>Requests per second of a batch at its mean time, and that throughput relative to the baseline's.</summary>
    private sealed class ThroughputColumn : IColumn
    {
        public string Id => nameof(ThroughputColumn);
        public string ColumnName => "Req/s";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => $"Requests created per second ({Requests} per batch over the mean batch time)";

        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

        public bool IsAvailable(Summary summary) => true;

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) =>
            summary[benchmarkCase]?.ResultStatistics?.Mean is { } nanoseconds and > 0
                ? (Requests / (nanoseconds / 1e9)).ToString("N0", System.Globalization.CultureInfo.InvariantCulture)
                : "?";
    }
}
