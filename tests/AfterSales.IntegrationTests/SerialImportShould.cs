using System.Text;
using AfterSales.Host.Data;
using AfterSales.IntegrationTests.Infrastructure;
using AfterSales.Modules.Products;
using AfterSales.Modules.Shared;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MiniExcelLibs;

namespace AfterSales.IntegrationTests;

/// <summary>Serial-number import: every bad row reported, all rows or none committed, UTF-8, GBK and .xlsx.</summary>
public sealed class SerialImportShould(AppFactory factory) : IClassFixture<AppFactory>
{
    static SerialImportShould() => Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);

    [Fact]
    public async Task ReportEveryBadRowAndCommitNothing()
    {
        var csv = string.Join("\n",
            "序列号,型号编码,客户编号,生产日期,购买日期",
            "IMP-OK-1,KT-35,C1001,2026-01-01,2026-02-01",
            "IMP-OK-1,KT-35,,,",
            "KT35-2024-0001,KT-35,,,",
            "IMP-BAD-3,NO-MODEL,AC-501,2026-13-01,",
            "IMP-BAD-4,JS-90,,2026-03-01,2026-02-01",
            ",JS-90,,,");
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<SerialImport>();

        var preview = await import.CheckAsync(Encoding.UTF8.GetBytes(csv), "units.csv");

        Assert.Null(preview.FileError);
        Assert.False(preview.CanCommit);
        Assert.Equal(1, preview.Valid);
        var problems = preview.Rows.ToDictionary(r => r.Line, r => r.Problems.Select(e => e.Key).ToList());
        Assert.Empty(problems[2]);
        Assert.Equal(["Import.DuplicateInFile"], problems[3]);
        Assert.Equal(["Validation.SerialTaken"], problems[4]);
        Assert.Equal(["Validation.ModelUnknown", "Validation.CustomerUnknown", "Import.BadDate"], problems[5]);
        Assert.Equal(["Validation.PurchaseBeforeProduction"], problems[6]);
        Assert.Equal(["Validation.SerialRequired"], problems[7]);
        await Assert.ThrowsAsync<InvalidOperationException>(() => import.CommitAsync(preview));
        Assert.Null(await scope.ServiceProvider.GetRequiredService<SerialRegistry>().FindAsync("IMP-OK-1"));
    }

    [Theory]
    [InlineData("utf-8-bom")]
    [InlineData("gbk")]
    [InlineData("xlsx")]
    public async Task ImportAGoodFileInEveryFormatChineseExcelWrites(string format)
    {
        var prefix = "IMP-" + format.ToUpperInvariant().Replace("-", "", StringComparison.Ordinal);
        var rows = new[]
        {
            new[] { "序列号", "型号编码", "客户编号", "生产批次", "购买日期", "销售员" },
            new[] { $"{prefix}-1", "RS-200", "C1002", "B2026", "2026/1/5", "王销售" },
            new[] { $"{prefix}-2", "JS-90", "", "", "", "" },
        };
        var (content, name) = format switch
        {
            "xlsx" => (Xlsx(rows), "units.xlsx"),
            "gbk" => (Encoding.GetEncoding("GBK").GetBytes(Csv(rows)), "units.csv"),
            _ => (Encoding.UTF8.GetPreamble().Concat(Encoding.UTF8.GetBytes(Csv(rows))).ToArray(), "units.csv"),
        };
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<SerialImport>();
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();

        var preview = await import.CheckAsync(content, name);
        var committed = await import.CommitAsync(preview);
        var first = await registry.FindAsync($"{prefix}-1");

        Assert.Equal(2, committed);
        Assert.NotNull(first);
        Assert.Equal("北方制冷工程有限公司", first.CustomerName);
        Assert.Equal(new DateOnly(2026, 1, 5), first.PurchaseDate);
        Assert.Equal(new DateOnly(2028, 1, 4), first.Warranty.End);
        Assert.Equal("王销售", first.Salesperson);
    }

    [Fact]
    public async Task RefuseAFileWithoutTheKeyColumns()
    {
        await using var scope = await factory.TenantScopeAsync("demo");

        var preview = await scope.ServiceProvider.GetRequiredService<SerialImport>().CheckAsync(Encoding.UTF8.GetBytes("a,b\n1,2"), "x.csv");

        Assert.Equal("Import.MissingColumns", preview.FileError);
        Assert.False(preview.CanCommit);
    }

    [Fact]
    public async Task ImportALargeFileCompletelyReportingProgressToTheEnd()
    {
        const int rows = 20_000;
        var content = Encoding.UTF8.GetBytes(LargeCsv("BIG-A", rows));
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<SerialImport>();
        var checking = new ProgressLog();
        var saving = new ProgressLog();

        var preview = await import.CheckAsync(content, "big-a.csv", checking);
        var committed = await import.CommitAsync(preview, saving);

        Assert.True(preview.CanCommit);
        Assert.Equal(rows, committed);
        Assert.Equal(rows, await CountAsync(scope, "BIG-A-"));
        Assert.Equal([ImportPhase.Reading, ImportPhase.Checking], checking.Reports.Select(r => r.Phase).Distinct());
        Assert.Equal(new ImportProgress(ImportPhase.Checking, rows, rows), checking.Reports[^1]);
        Assert.True(checking.Of(ImportPhase.Checking).Count > 2, "checking reports as it goes, not only at the end");
        Assert.Equal(new ImportProgress(ImportPhase.Saving, rows, rows), saving.Reports[^1]);
        Assert.Equal(saving.Reports.Select(r => r.Done).Order(), saving.Reports.Select(r => r.Done));
        var audit = await AuditAsync(scope, "big-a.csv");
        var entry = Assert.Single(audit);
        Assert.Equal(AuditAction.Imported, entry.Action);
        Assert.Contains("20000", entry.Changes, StringComparison.Ordinal);
        Assert.Empty(await AuditAsync(scope, "BIG-A-000001"));
        var registry = scope.ServiceProvider.GetRequiredService<SerialRegistry>();
        var registered = Assert.Single(await registry.HistoryAsync((await registry.FindAsync("BIG-A-000001"))!.Id));
        Assert.Equal((UnitEventKind.Registered, entry.At, "big-a.csv"), (registered.Kind, registered.At, registered.Detail));
    }

    [Fact]
    public async Task CommitNothingWhenOneRowAmongManyIsBad()
    {
        const int rows = 20_000;
        var csv = LargeCsv("BIG-B", rows).Replace("BIG-B-015000,KT-35", "BIG-B-015000,NO-SUCH-MODEL", StringComparison.Ordinal);
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<SerialImport>();

        var preview = await import.CheckAsync(Encoding.UTF8.GetBytes(csv), "big-b.csv");

        Assert.Equal(1, preview.Bad);
        Assert.Equal(rows - 1, preview.Valid);
        var bad = preview.BadFirst[0];
        Assert.Equal((15_002, "BIG-B-015000"), (bad.Line, bad.Key));
        Assert.Equal("Validation.ModelUnknown", Assert.Single(bad.Problems).Key);
        await Assert.ThrowsAsync<InvalidOperationException>(() => import.CommitAsync(preview));
        Assert.Equal(0, await CountAsync(scope, "BIG-B-"));
    }

    [Fact]
    public async Task KeepNothingWhenANumberIsRegisteredBetweenCheckAndCommit()
    {
        const int rows = 20_000;
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<SerialImport>();
        var preview = await import.CheckAsync(Encoding.UTF8.GetBytes(LargeCsv("BIG-C", rows)), "big-c.csv");
        await using (var someoneElse = await factory.TenantScopeAsync("demo"))
        {
            var registered = await someoneElse.ServiceProvider.GetRequiredService<SerialRegistry>().RegisterAsync(new SerialInput { Number = "BIG-C-019999", ModelCode = "JS-90" });
            Assert.Equal(SerialSaveStatus.Saved, registered.Status);
        }

        var saving = new ProgressLog();
        await Assert.ThrowsAsync<DbUpdateException>(() => import.CommitAsync(preview, saving));

        // The clash is in the last batch: every batch saved before it must have been rolled back too.
        Assert.True(saving.Reports[^1].Done >= rows - ImportWriter.BatchSize, $"saved {saving.Reports[^1].Done} before the clash");
        Assert.Equal(1, await CountAsync(scope, "BIG-C-"));
        Assert.Equal("JS-90", (await scope.ServiceProvider.GetRequiredService<SerialRegistry>().FindAsync("BIG-C-019999"))!.ModelCode);
        Assert.Empty(await AuditAsync(scope, "big-c.csv"));
    }

    [Fact]
    public async Task KeepNothingWhenCancelledWhileSaving()
    {
        const int rows = 20_000;
        await using var scope = await factory.TenantScopeAsync("demo");
        var import = scope.ServiceProvider.GetRequiredService<SerialImport>();
        var preview = await import.CheckAsync(Encoding.UTF8.GetBytes(LargeCsv("BIG-D", rows)), "big-d.csv");
        using var cancel = new CancellationTokenSource();
        var saving = new ProgressLog(p =>
        {
            if (p.Done >= rows / 2)
            {
                cancel.Cancel();
            }
        });

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => import.CommitAsync(preview, saving, cancel.Token));

        Assert.InRange(saving.Reports[^1].Done, rows / 2, rows - 1);
        Assert.Equal(0, await CountAsync(scope, "BIG-D-"));
    }

    [Fact]
    public void ParseQuotedFieldsWithCommasQuotesAndLineBreaks()
    {
        var records = CsvRecords.Parse("a,b,c\r\n\"x, y\",\"he said \"\"hi\"\"\",\"two\nlines\"\r\nlast,,").ToList();

        Assert.Equal(3, records.Count);
        Assert.Equal(["x, y", "he said \"hi\"", "two\nlines"], records[1].Fields);
        Assert.Equal(["last", "", ""], records[2].Fields);
        Assert.Equal(4, records[2].Line);
    }

    /// <summary>A file as an ERP exports it: every row a new unit of a known model, some with an owner.</summary>
    private static string LargeCsv(string prefix, int rows)
    {
        var csv = new StringBuilder("Serial number,Model code,Customer code,Production date,Batch,Purchase date\n");
        for (var i = 0; i < rows; i++)
        {
            var customer = i % 3 == 0 ? $"C{1001 + (i % 8)}" : "";
            csv.Append(System.Globalization.CultureInfo.InvariantCulture, $"{prefix}-{i:D6},KT-35,{customer},2026-01-05,B2026,2026-02-01\n");
        }

        return csv.ToString();
    }

    private static async Task<int> CountAsync(AsyncServiceScope scope, string prefix) =>
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().SerialNumbers.CountAsync(s => s.Number.StartsWith(prefix));

    private static async Task<List<AuditEntry>> AuditAsync(AsyncServiceScope scope, string key) =>
        await scope.ServiceProvider.GetRequiredService<AppDbContext>().AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == nameof(SerialNumber) && a.EntityKey == key).ToListAsync();

    private static string Csv(string[][] rows) => string.Join("\r\n", rows.Select(r => string.Join(",", r)));

    private static byte[] Xlsx(string[][] rows)
    {
        var sheet = rows.Skip(1).Select(r => rows[0].Select((h, i) => (h, (object)r[i])).ToDictionary(x => x.h, x => x.Item2)).ToList();
        using var stream = new MemoryStream();
        stream.SaveAs(sheet);
        return stream.ToArray();
    }
}
