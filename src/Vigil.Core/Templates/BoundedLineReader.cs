namespace Vigil.Core.Templates;

/// <summary>
/// Reads lines from a <see cref="TextReader"/> into one reused buffer, keeping at most a fixed number of characters
/// of each line and skipping the rest, so a huge or newline-free input never grows memory beyond that bound.
/// Lines end at <c>\n</c>; a trailing <c>\r</c> is dropped.
/// </summary>
public sealed class BoundedLineReader(TextReader reader, int maxLineLength)
{
    private readonly char[] _block = new char[64 * 1024];
    private readonly char[] _line = new char[Math.Max(maxLineLength, 1)];
    private int _blockStart;
    private int _blockEnd;
    private bool _endOfInput;

    /// <summary>1-based number of the line last read.</summary>
    public long LineNumber { get; private set; }

    /// <summary>Characters the line last read really had; more than its length when it was cut.</summary>
    public long FullLength { get; private set; }

    public bool Truncated => FullLength > _line.Length;

    public bool TryReadLine(out ReadOnlySpan<char> line)
    {
        var kept = 0;
        long full = 0;
        var sawAny = false;
        while (true)
        {
            if (_blockStart == _blockEnd && !Fill())
            {
                if (!sawAny)
                {
                    line = default;
                    return false;
                }

                break;
            }

            sawAny = true;
            var available = _block.AsSpan(_blockStart, _blockEnd - _blockStart);
            var newline = available.IndexOf('\n');
            var part = newline >= 0 ? available[..newline] : available;
            var consumed = newline >= 0 ? newline + 1 : part.Length;
            if (newline > 0 && part[^1] == '\r')
            {
                part = part[..^1];
            }

            var room = Math.Min(part.Length, _line.Length - kept);
            if (room > 0)
            {
                part[..room].CopyTo(_line.AsSpan(kept));
                kept += room;
            }

            full += part.Length;
            _blockStart += consumed;
            if (newline >= 0)
            {
                break;
            }
        }

        // A "\r\n" split across two reads leaves the "\r" on the line.
        if (kept > 0 && kept == full && _line[kept - 1] == '\r')
        {
            kept--;
            full--;
        }

        LineNumber++;
        FullLength = full;
        line = _line.AsSpan(0, kept);
        return true;
    }

    private bool Fill()
    {
        if (_endOfInput)
        {
            return false;
        }

        _blockStart = 0;
        _blockEnd = reader.Read(_block, 0, _block.Length);
        _endOfInput = _blockEnd == 0;
        return !_endOfInput;
    }
}
