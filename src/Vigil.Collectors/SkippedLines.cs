namespace Vigil.Collectors;

/// <summary>Counts lines that are not records and reports them in one warning: how many, and the first one with its reason.</summary>
internal sealed class SkippedLines
{
    private long _count;
    private string _first = string.Empty;

    public void Add(string file, long lineNumber, string reason) => Record($"line {lineNumber} of {file}", reason);

    /// <summary>For a source that is one file, named in the report already.</summary>
    public void Add(long lineNumber, string reason) => Record($"line {lineNumber}", reason);

    private void Record(string where, string reason)
    {
        if (_count++ == 0)
        {
            _first = $"{where}: {reason}";
        }
    }

    /// <summary>Sends the warning, if any line was skipped since the last report, and starts counting again.</summary>
    public void Report(string sourceName, Action<string> warn)
    {
        if (_count > 0)
        {
            warn($"{sourceName}: {_count} line{(_count == 1 ? string.Empty : "s")} skipped (first at {_first})");
            _count = 0;
        }
    }
}
