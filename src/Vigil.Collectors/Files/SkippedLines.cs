namespace Vigil.Collectors.Files;

/// <summary>Counts records that could not be read and remembers the first, for one summary line.</summary>
internal sealed class SkippedLines
{
    private int _count;
    private int _firstLine;
    private string? _firstReason;

    public void Add(int line, string reason)
    {
        if (_count++ == 0)
        {
            _firstLine = line;
            _firstReason = reason;
        }
    }

    public void Report(string file, Action<string> warn)
    {
        if (_count > 0)
        {
            warn($"{file}: {_count} line{(_count == 1 ? string.Empty : "s")} skipped (first at line {_firstLine}: {_firstReason})");
        }
    }
}
