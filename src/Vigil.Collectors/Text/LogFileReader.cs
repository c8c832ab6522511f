using System.Text;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Text;

/// <summary>
/// Turns the bytes of one file, from an offset, into records: a line with a timestamp starts a record, continuation lines
/// (stack traces) join it, other lines are counted as skipped. A record is handed out once the next one starts or the
/// data ends, so its <see cref="ReadRecord.NextOffset"/> is always the first byte not yet stored.
/// </summary>
internal sealed class LogFileReader
{
    private const int BufferSize = 1 << 20;

    // Environment.MachineName is a system call each time; lines without a host name are from this machine.
    private static readonly string ThisMachine = Environment.MachineName;

    private readonly LineContext _context;
    private readonly string _channel;
    private readonly string _fileId;
    private readonly string _displayName;
    private readonly SkippedLines _skipped;
    private readonly StringBuilder _continuation = new();

    public LogFileReader(LineContext context, string channel, string fileId, string displayName, SkippedLines skipped)
    {
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
        var (start, end) = (0, 0);
        var bufferOffset = offset;
        ParsedLine? head = null;
        long headOffset = 0;
        EndOffset = offset;
        EndLine = line;
        while (true)
        {
            if (end == buffer.Length)
            {
                if (start == 0)
                {
                    Array.Resize(ref buffer, buffer.Length * 2);
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

                var text = Encoding.UTF8.GetString(buffer, start, length);
                var lineOffset = bufferOffset + start;
                start = newline < 0 ? end : newline + 1;
                line++;
                if (LogLineParser.TryParse(text, _context, out var parsed, out var reason))
                {
                    if (head is { } done)
                    {
                        yield return new ReadRecord(Build(done, headOffset), lineOffset, line - 1);
                    }

                    (head, headOffset) = (parsed, lineOffset);
                    _continuation.Clear();
                }
                else if (head is not null && LogLineParser.IsContinuation(text))
                {
                    _continuation.Append('\n').Append(text);
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

    private LogEvent Build(ParsedLine head, long offset)
    {
        var message = _continuation.Length == 0 ? head.Message : head.Message + _continuation;
        return new LogEvent(
            head.TimeUtc,
            head.Level,
            0,
            head.Provider ?? _channel,
            _channel,
            head.Host ?? ThisMachine,
            message,
            string.Concat(_fileId, ":", offset.ToString(System.Globalization.CultureInfo.InvariantCulture)));
    }
}
