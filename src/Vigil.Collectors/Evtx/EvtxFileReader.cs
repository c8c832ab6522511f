namespace Vigil.Collectors.Evtx;

/// <summary>
/// Reads the file header and then chunks by position. The chunk count comes from the file size, not the header,
/// because a dirty log's header lags behind the chunks actually written.
/// </summary>
internal sealed class EvtxFileReader : IDisposable
{
    private readonly FileStream _stream;

    public EvtxFileReader(string path)
    {
        _stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        try
        {
            Span<byte> header = stackalloc byte[EvtxFileHeader.Size];
            var read = _stream.ReadAtLeast(header, header.Length, throwOnEndOfStream: false);
            Header = EvtxFileHeader.Parse(header[..read]);
            var body = Math.Max(0, _stream.Length - EvtxFileHeader.Size);
            ChunkCount = (int)Math.Min(int.MaxValue, (body + EvtxChunkHeader.ChunkSize - 1) / EvtxChunkHeader.ChunkSize);
        }
        catch
        {
            _stream.Dispose();
            throw;
        }
    }

    public EvtxFileHeader Header { get; }

    /// <summary>Chunks present in the file, counting a truncated last one.</summary>
    public int ChunkCount { get; }

    public long Length => _stream.Length;

    /// <summary>Reads chunk <paramref name="index"/>; a truncated chunk is zero-filled and its size reported.</summary>
    public int ReadChunk(int index, byte[] buffer)
    {
        _stream.Position = EvtxFileHeader.Size + ((long)index * EvtxChunkHeader.ChunkSize);
        var read = _stream.ReadAtLeast(buffer, buffer.Length, throwOnEndOfStream: false);
        buffer.AsSpan(read).Clear();
        return read;
    }

    public void Dispose() => _stream.Dispose();
}
