using Microsoft.Win32.SafeHandles;

namespace Vigil.Collectors.Evtx;

/// <summary>
/// Reads the file header and then chunks by position. The chunk count comes from the file size, not the header,
/// because a dirty log's header lags behind the chunks actually written. Reads are positional (no shared file
/// position), so several threads read their own chunks at once.
/// </summary>
internal sealed class EvtxFileReader : IDisposable
{
    private readonly SafeFileHandle _handle;

    public EvtxFileReader(string path)
    {
        _handle = File.OpenHandle(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, FileOptions.SequentialScan);
        try
        {
            Span<byte> header = stackalloc byte[EvtxFileHeader.Size];
            var read = ReadAt(0, header);
            Header = EvtxFileHeader.Parse(header[..read]);
            var body = Math.Max(0, Length - EvtxFileHeader.Size);
            ChunkCount = (int)Math.Min(int.MaxValue, (body + EvtxChunkHeader.ChunkSize - 1) / EvtxChunkHeader.ChunkSize);
        }
        catch
        {
            _handle.Dispose();
            throw;
        }
    }

    public EvtxFileHeader Header { get; }

    /// <summary>Chunks present in the file, counting a truncated last one.</summary>
    public int ChunkCount { get; }

    public long Length => RandomAccess.GetLength(_handle);

    /// <summary>Reads chunk <paramref name="index"/>; a truncated chunk is zero-filled and its size reported. Thread-safe.</summary>
    public int ReadChunk(int index, byte[] buffer)
    {
        var read = ReadAt(EvtxFileHeader.Size + ((long)index * EvtxChunkHeader.ChunkSize), buffer);
        buffer.AsSpan(read).Clear();
        return read;
    }

    private int ReadAt(long offset, Span<byte> buffer)
    {
        var total = 0;
        while (total < buffer.Length)
        {
            var read = RandomAccess.Read(_handle, buffer[total..], offset + total);
            if (read == 0)
            {
                break;
            }

            total += read;
        }

        return total;
    }

    public void Dispose() => _handle.Dispose();
}
