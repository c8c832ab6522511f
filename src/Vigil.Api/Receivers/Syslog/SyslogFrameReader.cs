using System.Buffers;
using System.IO.Pipelines;
using System.Runtime.CompilerServices;
using System.Text;

namespace Vigil.Api.Receivers.Syslog;

/// <summary>
/// Splits a syslog TCP (or TLS) stream into messages by RFC 6587 framing, decided per message: one that starts with a
/// digit is octet-counted (<c>LEN SP MSG</c>), anything else ends at LF (CR and NUL trailers trimmed). Memory is
/// bounded by <see cref="MaxFrameBytes"/>: a longer message is skipped (counted in <see cref="Dropped"/>), never
/// buffered whole, and no input makes it throw.
/// </summary>
internal sealed class SyslogFrameReader
{
    private const int MaxLengthDigits = 9;

    private readonly PipeReader _reader;
    private long _skip;
    private bool _discardingLine;

    public SyslogFrameReader(Stream stream, int maxFrameBytes)
    {
        MaxFrameBytes = maxFrameBytes;
        _reader = PipeReader.Create(stream, new StreamPipeReaderOptions(bufferSize: 64 * 1024, leaveOpen: true));
    }

    public int MaxFrameBytes { get; }

    /// <summary>Messages skipped for being longer than <see cref="MaxFrameBytes"/>.</summary>
    public long Dropped { get; private set; }

    public async IAsyncEnumerable<string> ReadAllAsync([EnumeratorCancellation] CancellationToken cancellationToken)
    {
        while (true)
        {
            var result = await _reader.ReadAsync(cancellationToken).ConfigureAwait(false);
            var buffer = result.Buffer;
            var frames = new List<string>();
            while (TryFrame(ref buffer, out var frame))
            {
                if (frame.Length > 0)
                {
                    frames.Add(frame);
                }
            }

            // A last line without LF when the sender closes is still a message.
            var last = result.IsCompleted && !buffer.IsEmpty && !_discardingLine && _skip == 0 ? Decode(buffer) : null;
            _reader.AdvanceTo(buffer.Start, buffer.End);
            foreach (var frame in frames)
            {
                yield return frame;
            }

            if (result.IsCompleted)
            {
                if (last is { Length: > 0 })
                {
                    yield return last;
                }

                await _reader.CompleteAsync().ConfigureAwait(false);
                yield break;
            }
        }
    }

    private bool TryFrame(ref ReadOnlySequence<byte> buffer, out string frame)
    {
        frame = string.Empty;
        while (true)
        {
            if (_skip > 0)
            {
                var n = Math.Min(_skip, buffer.Length);
                buffer = buffer.Slice(n);
                _skip -= n;
                if (_skip > 0)
                {
                    return false;
                }
            }

            if (_discardingLine)
            {
                if (buffer.PositionOf((byte)'\n') is not { } end)
                {
                    buffer = buffer.Slice(buffer.End);
                    return false;
                }

                buffer = buffer.Slice(buffer.GetPosition(1, end));
                _discardingLine = false;
            }

            if (buffer.IsEmpty)
            {
                return false;
            }

            var first = buffer.FirstSpan[0];
            if (first is >= (byte)'1' and <= (byte)'9')
            {
                switch (TryOctetCounted(ref buffer, out frame))
                {
                    case Framing.Frame:
                        return true;
                    case Framing.NeedMore:
                        return false;
                    case Framing.Skipped:
                        continue;
                }
            }

            // Non-transparent framing: up to LF.
            if (buffer.PositionOf((byte)'\n') is { } lf)
            {
                var line = buffer.Slice(0, lf);
                buffer = buffer.Slice(buffer.GetPosition(1, lf));
                if (line.Length > MaxFrameBytes)
                {
                    Dropped++;
                    continue;
                }

                frame = Decode(line);
                return true;
            }

            if (buffer.Length > MaxFrameBytes)
            {
                Dropped++;
                _discardingLine = true;
                buffer = buffer.Slice(buffer.End);
            }

            return false;
        }
    }

    private Framing TryOctetCounted(ref ReadOnlySequence<byte> buffer, out string frame)
    {
        frame = string.Empty;
        Span<byte> head = stackalloc byte[MaxLengthDigits + 1];
        var available = (int)Math.Min(buffer.Length, head.Length);
        buffer.Slice(0, available).CopyTo(head);
        var space = head[..available].IndexOf((byte)' ');
        if (space < 0)
        {
            return available < head.Length ? Framing.NeedMore : Framing.NotOctetCounted;
        }

        long length = 0;
        foreach (var b in head[..space])
        {
            if (b is < (byte)'0' or > (byte)'9')
            {
                return Framing.NotOctetCounted;
            }

            length = (length * 10) + (b - '0');
        }

        if (length > MaxFrameBytes)
        {
            Dropped++;
            buffer = buffer.Slice(space + 1);
            _skip = length;
            return Framing.Skipped;
        }

        if (buffer.Length < space + 1 + length)
        {
            return Framing.NeedMore;
        }

        frame = Decode(buffer.Slice(space + 1, length));
        buffer = buffer.Slice(space + 1 + length);
        return Framing.Frame;
    }

    private static string Decode(ReadOnlySequence<byte> bytes) =>
        Encoding.UTF8.GetString(bytes).TrimEnd('\r', '\n', '\0');

    private enum Framing
    {
        Frame,
        NeedMore,
        Skipped,
        NotOctetCounted,
    }
}
