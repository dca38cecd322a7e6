namespace AfterSales.Modules.Service;

/// <summary>
/// Reads through to an upload, counting: past <paramref name="limit"/> bytes it throws <see cref="AttachmentTooLargeException"/>, so an
/// announced size that lied (or none at all) cannot fill the disk; and it reports the bytes read so far, plus <paramref name="offset"/>
/// for the files of the same upload before it.
/// </summary>
internal sealed class MeteredStream(Stream inner, long limit, IProgress<long>? progress, long offset) : Stream
{
    private long _read;

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => _read; set => throw new NotSupportedException(); }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer) => Count(inner.Read(buffer));

    public override Task<int> ReadAsync(byte[] buffer, int offset, int count, CancellationToken cancellationToken) =>
        ReadAsync(buffer.AsMemory(offset, count), cancellationToken).AsTask();

    public override async ValueTask<int> ReadAsync(Memory<byte> buffer, CancellationToken cancellationToken = default) =>
        Count(await inner.ReadAsync(buffer, cancellationToken));

    public override void Flush()
    {
    }

    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    private int Count(int read)
    {
        _read += read;
        if (_read > limit)
        {
            throw new AttachmentTooLargeException();
        }

        if (read > 0)
        {
            progress?.Report(offset + _read);
        }

        return read;
    }
}

/// <summary>An upload turned out larger than the limit while it was being stored.</summary>
internal sealed class AttachmentTooLargeException() : IOException("The file is larger than the attachment limit.");
