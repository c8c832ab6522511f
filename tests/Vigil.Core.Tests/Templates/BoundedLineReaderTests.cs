using Vigil.Core.Templates;

namespace Vigil.Core.Tests.Templates;

public sealed class BoundedLineReaderTests
{
    [Fact]
    public void ReadsLinesEndingInLfOrCrLfAndALastLineWithoutNewline()
    {
        var lines = ReadAll("one\r\ntwo\n\nthree", 100);

        Assert.Equal(["one", "two", "", "three"], lines.Select(l => l.Text));
    }

    [Fact]
    public void KeepsTheStartOfALongLineAndReportsItsFullLength()
    {
        var longLine = new string('x', 200_000);

        var lines = ReadAll($"short\n{longLine}\r\nafter\n", 1000);

        Assert.Equal(["short", new string('x', 1000), "after"], lines.Select(l => l.Text));
        Assert.Equal([5L, 200_000L, 5L], lines.Select(l => l.FullLength));
        Assert.Equal([false, true, false], lines.Select(l => l.Truncated));
    }

    [Fact]
    public void AnEmptyInputHasNoLines()
    {
        Assert.Empty(ReadAll("", 10));
    }

    private static List<(string Text, long FullLength, bool Truncated)> ReadAll(string text, int max)
    {
        var reader = new BoundedLineReader(new StringReader(text), max);
        var lines = new List<(string, long, bool)>();
        while (reader.TryReadLine(out var line))
        {
            lines.Add((line.ToString(), reader.FullLength, reader.Truncated));
        }

        return lines;
    }
}
