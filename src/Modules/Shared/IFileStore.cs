namespace AfterSales.Modules.Shared;

/// <summary>
/// Where uploaded files live: outside the database, so rows stay small and backups stay fast, and behind this interface so a
/// blob store can replace the disk without touching the features. The store chooses the keys; callers keep them and hand them back.
/// </summary>
public interface IFileStore
{
    /// <summary>
    /// Stores <paramref name="content"/> under a new key in <paramref name="tenantId"/>'s own space (tenants never share a folder or
    /// a key prefix), grouped by <paramref name="area"/> (the feature, e.g. <c>requests</c>). A failed or cancelled write leaves nothing behind.
    /// </summary>
    Task<StoredFile> SaveAsync(string tenantId, string area, Stream content, CancellationToken cancellationToken = default);

    /// <summary>The content stored under <paramref name="key"/>, or null when there is none.</summary>
    Task<Stream?> OpenReadAsync(string key, CancellationToken cancellationToken = default);

    /// <summary>Removes the content under <paramref name="key"/>; a key with nothing under it is not an error.</summary>
    Task DeleteAsync(string key, CancellationToken cancellationToken = default);
}

/// <summary>A stored file: its key and the number of bytes actually written.</summary>
public sealed record StoredFile(string Key, long Length);
