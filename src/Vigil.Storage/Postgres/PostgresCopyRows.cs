using System.Buffers;
using System.Buffers.Binary;
using System.Text;

namespace Vigil.Storage.Postgres;

/// <summary>
/// Streams a group of ingest batches into a COPY of <see cref="PostgresSql.CopyEvents"/> in PostgreSQL's binary format,
/// encoded by hand into one pooled buffer that is sent whenever it fills: a length and the bytes per value, no converter
/// lookup or boxing per value (what made Npgsql's <c>NpgsqlBinaryImporter</c> dearer per event than the column arrays
/// it replaces) and no buffer the size of the group (a large allocation per group costs full collections). Also
/// gathers what the sources' counters need, as a COPY that succeeds stored every row of the group.
/// </summary>
internal sealed class PostgresCopyRows : IDisposable
{
    private const short Columns = 9;
    private const int FixedRowBytes = 2 + (Columns * 4) + 4 + 8 + 4 + 8;

    private static readonly long PostgresEpochTicks = new DateTime(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc).Ticks;
    private static readonly byte[] Header = [(byte)'P', (byte)'G', (byte)'C', (byte)'O', (byte)'P', (byte)'Y', (byte)'\n', 0xFF, (byte)'\r', (byte)'\n', 0, 0, 0, 0, 0, 0, 0, 0, 0];

    private byte[] _buffer = ArrayPool<byte>.Shared.Rent(128 * 1024);
    private int _used;

    public PostgresCopyRows(int batches)
    {
        Firsts = new DateTime?[batches];
        Lasts = new DateTime?[batches];
    }

    /// <summary>The earliest stored time of each batch (null for one without events), in the group's order.</summary>
    public DateTime?[] Firsts { get; }

    public DateTime?[] Lasts { get; }

    public async Task WriteAsync(Stream copy, IReadOnlyList<PostgresPendingBatch> group)
    {
        Header.CopyTo(_buffer, 0);
        _used = Header.Length;
        for (var b = 0; b < group.Count; b++)
        {
            var batch = group[b];
            foreach (var e in batch.Events)
            {
                var bound = FixedRowBytes + MaxBytes(e.RecordKey) + MaxBytes(e.Provider) + MaxBytes(e.Channel) + MaxBytes(e.Computer) + MaxBytes(e.Message);
                await EnsureAsync(copy, bound).ConfigureAwait(false);

                var time = PgTime.ToStored(e.TimeCreated);
                Firsts[b] = Firsts[b] is { } first && first <= time ? first : time;
                Lasts[b] = Lasts[b] is { } last && last >= time ? last : time;
                Int16(Columns);
                Int32Value(batch.SourceId);
                Text(e.RecordKey);
                Int64Value(Microseconds(time));
                Int32Value(e.Level);
                Int64Value(e.EventId);
                Text(e.Provider);
                Text(e.Channel);
                Text(e.Computer);
                Text(e.Message);
            }
        }

        await EnsureAsync(copy, 2).ConfigureAwait(false);
        Int16(-1);
        await FlushAsync(copy).ConfigureAwait(false);
    }

    public void Dispose() => ArrayPool<byte>.Shared.Return(_buffer);

    private static int MaxBytes(string? value) => value is null ? 0 : Encoding.UTF8.GetMaxByteCount(value.Length);

    /// <summary>timestamptz on the wire: microseconds since 2000-01-01 UTC; MinValue/MaxValue are -infinity/infinity as Npgsql sends them.</summary>
    private static long Microseconds(DateTime time) =>
        time == DateTime.MinValue ? long.MinValue
        : time == DateTime.MaxValue ? long.MaxValue
        : (time.Ticks - PostgresEpochTicks) / 10;

    /// <summary>Room for <paramref name="bytes"/> more: what is buffered is sent, and a row larger than the buffer (a huge message) gets a larger one.</summary>
    private async ValueTask EnsureAsync(Stream copy, int bytes)
    {
        if (_buffer.Length - _used >= bytes)
        {
            return;
        }

        await FlushAsync(copy).ConfigureAwait(false);
        if (_buffer.Length < bytes)
        {
            ArrayPool<byte>.Shared.Return(_buffer);
            _buffer = ArrayPool<byte>.Shared.Rent(bytes);
        }
    }

    private async Task FlushAsync(Stream copy)
    {
        await copy.WriteAsync(_buffer.AsMemory(0, _used)).ConfigureAwait(false);
        _used = 0;
    }

    private void Int16(short value)
    {
        BinaryPrimitives.WriteInt16BigEndian(_buffer.AsSpan(_used), value);
        _used += 2;
    }

    private void Int32Value(int value)
    {
        var span = _buffer.AsSpan(_used);
        BinaryPrimitives.WriteInt32BigEndian(span, 4);
        BinaryPrimitives.WriteInt32BigEndian(span[4..], value);
        _used += 8;
    }

    private void Int64Value(long value)
    {
        var span = _buffer.AsSpan(_used);
        BinaryPrimitives.WriteInt32BigEndian(span, 8);
        BinaryPrimitives.WriteInt64BigEndian(span[4..], value);
        _used += 12;
    }

    private void Text(string? value)
    {
        var span = _buffer.AsSpan(_used);
        if (value is null)
        {
            BinaryPrimitives.WriteInt32BigEndian(span, -1);
            _used += 4;
            return;
        }

        var length = Encoding.UTF8.GetBytes(value, span[4..]);
        BinaryPrimitives.WriteInt32BigEndian(span, length);
        _used += 4 + length;
    }
}
