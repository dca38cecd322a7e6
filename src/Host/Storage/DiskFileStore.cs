using System.Text.RegularExpressions;
using AfterSales.Modules.Shared;

namespace AfterSales.Host.Storage;

/// <summary>
/// <see cref="IFileStore"/> on the local disk under <c>Storage:Root</c> (default <c>App_Data/files</c> under the content root).
/// Keys are <c>{tenant}/{area}/{yyyy}/{MM}/{random}</c>, which is also the path: one folder tree per tenant, and months keep
/// folders small. A single host only: several instances need a shared volume or a blob store behind the same interface.
/// </summary>
public sealed partial class DiskFileStore : IFileStore
{
    /// <summary>Where writes land before they are complete: under the root, so the final move is a rename on the same volume.</summary>
    private const string IncomingFolder = ".incoming";

    private readonly string _root;
    private readonly TimeProvider _clock;
    private readonly ILogger<DiskFileStore> _logger;

    public DiskFileStore(IConfiguration configuration, IHostEnvironment environment, TimeProvider clock, ILogger<DiskFileStore> logger)
    {
        var configured = configuration["Storage:Root"];
        // Path.Combine keeps an absolute setting as it is and puts a relative one under the content root.
        _root = Path.GetFullPath(Path.Combine(environment.ContentRootPath, string.IsNullOrWhiteSpace(configured) ? Path.Combine("App_Data", "files") : configured));
        _clock = clock;
        _logger = logger;
    }

    public async Task<StoredFile> SaveAsync(string tenantId, string area, Stream content, CancellationToken cancellationToken = default)
    {
        if (!SegmentPattern().IsMatch(tenantId) || !SegmentPattern().IsMatch(area))
        {
            throw new ArgumentException($"'{tenantId}/{area}' cannot name a folder.");
        }

        var now = _clock.GetUtcNow();
        var key = $"{tenantId}/{area}/{now:yyyy}/{now:MM}/{Guid.NewGuid():N}";
        var path = PathOf(key);
        var incoming = Path.Combine(_root, IncomingFolder);
        Directory.CreateDirectory(incoming);
        var temporary = Path.Combine(incoming, Guid.NewGuid().ToString("N"));
        try
        {
            long length;
            await using (var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.Asynchronous))
            {
                await content.CopyToAsync(file, cancellationToken);
                await file.FlushAsync(cancellationToken);
                length = file.Length;
            }

            // Only complete files ever appear under a key: a reader never sees half an upload.
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.Move(temporary, path);
            return new StoredFile(key, length);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    public Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            // FileShare.Delete: removing an attachment while someone downloads it must not fail.
            return Task.FromResult<Stream?>(new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read | FileShare.Delete, 81920,
                FileOptions.Asynchronous | FileOptions.SequentialScan));
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            return Task.FromResult<Stream?>(null);
        }
    }

    public Task DeleteAsync(string key, CancellationToken cancellationToken = default)
    {
        var path = PathOf(key);
        try
        {
            File.Delete(path);
        }
        catch (DirectoryNotFoundException)
        {
            // Nothing was ever stored in that month's folder: nothing to delete.
        }

        return Task.CompletedTask;
    }

    // Keys come back from the database, but are still checked: a key must never reach outside the root.
    private string PathOf(string key)
    {
        if (!KeyPattern().IsMatch(key))
        {
            throw new ArgumentException($"'{key}' is not a key of this store.", nameof(key));
        }

        var path = Path.GetFullPath(Path.Combine(_root, key.Replace('/', Path.DirectorySeparatorChar)));
        if (!path.StartsWith(_root + Path.DirectorySeparatorChar, StringComparison.Ordinal))
        {
            throw new ArgumentException($"'{key}' is not a key of this store.", nameof(key));
        }

        return path;
    }

    private void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            _logger.LogWarning(ex, "Could not remove the unfinished file {Path}", path);
        }
    }

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}$")]
    private static partial Regex SegmentPattern();

    [GeneratedRegex("^[A-Za-z0-9_-]{1,64}(/[A-Za-z0-9_-]{1,64}){1,8}$")]
    private static partial Regex KeyPattern();
}
