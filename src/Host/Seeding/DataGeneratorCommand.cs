using System.Globalization;

namespace AfterSales.Host.Seeding;

/// <summary>
/// <c>dotnet run --project src/Host -- generate-data …</c>: fills the configured database with <see cref="DataGenerator"/>
/// instead of serving, and prints the new tenants' logins.
/// </summary>
public static class DataGeneratorCommand
{
    public const string Name = "generate-data";

    private const string Usage = """
        usage: generate-data [--tenants 5] [--customers 200] [--serials 2000] [--requests 0] [--culture zh-CN|en|mixed]
                             [--seed 4] [--prefix gen] [--password Demo@12345 | --no-admins] [--batch 5000]
        Counts of customers, serial numbers and service requests are per tenant.
        """;

    public static bool IsInvoked(string[] args) => args.Length > 0 && args[0] == Name;

    /// <returns>The process exit code.</returns>
    public static async Task<int> RunAsync(IServiceProvider services, string[] args, CancellationToken cancellationToken = default)
    {
        DataGeneratorOptions options;
        try
        {
            options = Parse(args.Skip(1).ToList());
        }
        catch (FormatException ex)
        {
            await Console.Error.WriteLineAsync(ex.Message + Environment.NewLine + Usage);
            return 2;
        }

        var tenants = await ActivatorUtilities.CreateInstance<DataGenerator>(services).GenerateAsync(options, cancellationToken);
        var baseUrl = (services.GetRequiredService<IConfiguration>()["Api:Issuer"] ?? "http://localhost:5080/").TrimEnd('/');
        Console.WriteLine();
        Console.WriteLine(options.AdminPassword is null
            ? $"Generated {tenants.Count} tenants (no logins):"
            : $"Generated {tenants.Count} tenants; every admin's password is {options.AdminPassword}");
        foreach (var t in tenants)
        {
            Console.WriteLine($"  {baseUrl}/t/{t.Identifier}/account/login  {t.AdminEmail ?? "-"}  {t.Culture,-5}  {t.Name}  " +
                              $"({t.Models} models, {t.Customers} customers, {t.Serials} serial numbers, {t.Requests} service requests)");
        }

        return 0;
    }

    private static DataGeneratorOptions Parse(List<string> args)
    {
        var options = new DataGeneratorOptions();
        for (var i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new FormatException($"{args[i]} needs a value.");
            int Count() => int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : throw new FormatException($"{args[i]} must be a whole number.");
            options = args[i] switch
            {
                "--tenants" => options with { Tenants = Count() },
                "--customers" => options with { CustomersPerTenant = Count() },
                "--serials" => options with { SerialsPerTenant = Count() },
                "--requests" => options with { RequestsPerTenant = Count() },
                "--seed" => options with { Seed = Count() },
                "--batch" => options with { BatchSize = Count() },
                "--prefix" => options with { IdentifierPrefix = Value() },
                "--password" => options with { AdminPassword = Value() },
                "--no-admins" => options with { AdminPassword = null },
                "--culture" => options with
                {
                    Culture = Value() switch
                    {
                        "zh-CN" => "zh-CN",
                        "en" => "en",
                        "mixed" => null,
                        var other => throw new FormatException($"--culture {other}: use zh-CN, en or mixed."),
                    },
                },
                var other => throw new FormatException($"Unknown option {other}."),
            };
        }

        return options.Tenants > 0 && options.BatchSize > 0 ? options : throw new FormatException("--tenants and --batch must be at least 1.");
    }
}
