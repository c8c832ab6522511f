using System.Text;
using Vigil.Collectors.Text.Layout;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Text;

/// <summary>
/// Turns the bytes of one file, from an offset, into records: a line with a timestamp starts a record, continuation lines
/// (stack traces) join it. In a file whose layout says it has no multi-line records, a line without a timestamp is a
/// record of its own at the time of the one before (nothing is lost or glued); before any record, it is skipped.
/// A record is handed out once the next one starts or the data ends, so its <see cref="ReadRecord.NextOffset"/> is always
/// the first byte not yet stored.
/// </summary>
internal sealed class LogFileReader
{
    private const int BufferSize = 1 << 20;

    // What is kept of a line that does not fit the buffer: enough bytes for MessageCap.MaxChars characters in any
    // UTF-8 (at most 4 bytes for 2 chars); the rest of the line is counted as it streams past, never held.
    private const int KeepBytes = 4 * MessageCap.MaxChars;

    // Environment.MachineName is a system call each time; lines without a host name are from this machine.
    private static readonly string ThisMachine = Environment.MachineName;

    private readonly LineContext _context;
    private readonly string _channel;
    private readonly string _fileId;
    private readonly string _displayName;
    private readonly SkippedLines _skipped;
    private readonly StringBuilder _continuation = new();
    private readonly LineLayout? _layout;
    private readonly Decoder _dropCounter = Encoding.UTF8.GetDecoder();
    private long _recordDropped;

    // The provider and host of the record before: a file repeats a few of them, and an event that holds the same
    // string as its neighbours leaves one object behind, not two, while it waits in a batch for the store.
    private string? _provider;
    private string? _host;

    /// <param name="layout">The file's layout; null or one without a style reads the known formats only.</param>
    public LogFileReader(LineContext context, string channel, string fileId, string displayName, SkippedLines skipped, LineLayout? layout = null)
    {
        _layout = layout is null || layout.IsEmpty ? null : layout;
        _context = context;
        _channel = channel;
        _fileId = fileId;
        _displayName = displayName;
        _skipped = skipped;
    }

    /// <summary>Where the data read ended (the last complete line, or the very end when unterminated lines were taken).</summary>
    public long EndOffset { get; private set; }

    public long EndLine { get; private set; }

    /// <param name="takeUnterminated">Read a last line without a newline: true for files that no longer grow.</param>
    public IEnumerable<ReadRecord> Read(Stream stream, long offset, long line, bool takeUnterminated)
    {
        var buffer = new byte[BufferSize];
        var chars = new char[4096];
        var (start, end) = (0, 0);
        var bufferOffset = offset;
        ParsedLine? head = null;
        long headOffset = 0;
        long lineDropped = 0;
        long? overflowOffset = null;
        EndOffset = offset;
        EndLine = line;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start == 0)
                {
                    // One line fills the whole buffer: keep its start, count and drop the rest. The bytes kept stay
                    // at the line's offset; everything read after them moves by what was dropped.
                    overflowOffset ??= bufferOffset;
                    lineDropped += _dropCounter.GetCharCount(buffer.AsSpan(KeepBytes, end - KeepBytes), flush: false);
                    bufferOffset += end - KeepBytes;
                    end = KeepBytes;
                }
                else
                {
                    Buffer.BlockCopy(buffer, start, buffer, 0, end - start);
                    bufferOffset += start;
                    (start, end) = (0, end - start);
                }
            }

            var read = stream.Read(buffer, end, buffer.Length - end);
            var atEnd = read == 0;
            end += read;
            while (true)
            {
                var newline = Array.IndexOf(buffer, (byte)'\n', start, end - start);
                if (newline < 0 && !(atEnd && takeUnterminated && start < end))
                {
                    break;
                }

                var lineEnd = newline < 0 ? end : newline;
                var length = lineEnd - start;
                if (length > 0 && buffer[start + length - 1] == '\r')
                {
                    length--;
                }

                // Decoded into one reused buffer: only what a record keeps (its message) becomes a string. UTF-8 never
                // takes fewer bytes than UTF-16 chars, so a buffer as long as the line in bytes always holds it.
                if (chars.Length < length)
                {
                    chars = new char[Math.Max(length, chars.Length * 2)];
                }

                var text = chars.AsSpan(0, Encoding.UTF8.GetChars(buffer.AsSpan(start, length), chars));
                var lineOffset = overflowOffset ?? (bufferOffset + start);
                var dropped = lineDropped;
                (overflowOffset, lineDropped) = (null, 0);
                _dropCounter.Reset();
                start = newline < 0 ? end : newline + 1;
                line++;
                var isHead = TryParse(text, out var parsed, out var reason);
                if (!isHead && head is { } previous && _layout is { Multiline: false } && text.Length > 0 && !LogLineParser.IsContinuation(text))
                {
                    // A file without multi-line records: this line is a record of its own, in the hour of the one above.
                    (parsed, isHead) = (new ParsedLine(previous.TimeUtc, LevelMapping.Information, null, null, text.ToString()), true);
                }

                if (isHead)
                {
                    if (head is { } done)
                    {
                        yield return new ReadRecord(Build(done, headOffset), lineOffset, line - 1);
                    }

                    (head, headOffset) = (parsed, lineOffset);
                    _continuation.Clear();
                    _recordDropped = dropped;
                }
                else if (head is not null && (LogLineParser.IsContinuation(text) || (_layout is { Multiline: true } && text.Length > 0)))
                {
                    // A record of a million continuation lines keeps what the cap keeps and counts the rest.
                    if (_continuation.Length <= MessageCap.MaxChars)
                    {
                        _continuation.Append('\n').Append(text);
                        _recordDropped += dropped;
                    }
                    else
                    {
                        _recordDropped += 1 + text.Length + dropped;
                    }
                }
                else
                {
                    _skipped.Add(_displayName, line, head is null && LogLineParser.IsContinuation(text) ? "continuation line without a record before it" : reason);
                }

                EndOffset = bufferOffset + start;
                EndLine = line;
            }

            if (atEnd)
            {
                break;
            }
        }

        if (head is { } last)
        {
            yield return new ReadRecord(Build(last, headOffset), EndOffset, EndLine);
        }
    }

    private bool TryParse(ReadOnlySpan<char> text, out ParsedLine parsed, out string reason)
    {
        if (_layout is not null && _layout.TryParse(text, _context, out parsed))
        {
            reason = string.Empty;
            return true;
        }

        return LogLineParser.TryParse(text, _context, out parsed, out reason);
    }

    private static string Reuse(string value, ref string? previous) =>
        string.Equals(value, previous, StringComparison.Ordinal) ? previous! : previous = value;

    private LogEvent Build(ParsedLine head, long offset)
    {
        var message = _continuation.Length == 0 ? head.Message : head.Message + _continuation;
        if (_recordDropped > 0 && message is not null)
        {
            message = MessageCap.Cut(message, message.Length + _recordDropped);
        }
        return new LogEvent(
            head.TimeUtc,
            head.Level,
            0,
            Reuse(head.Provider ?? _channel, ref _provider),
            _channel,
            Reuse(head.Host ?? ThisMachine, ref _host),
            message,
            string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{_fileId}:{offset}"));
    }
}
