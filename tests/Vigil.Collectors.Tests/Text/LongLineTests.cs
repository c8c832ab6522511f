using System.Text;
using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text;
using Vigil.Core.Events;

namespace Vigil.Collectors.Tests.Text;

public sealed class LongLineTests
{
    [Fact]
    public async Task ALineLargerThanTheReadBufferIsCutToTheCapWithItsTrueLengthAndTheNextLineKeepsItsOffset()
    {
        using var dir = new TempDirectory();
        var path = dir.File("app.log");
        // 3 MB of mixed one-, two- and three-byte characters: the count must be of characters, not bytes.
        var body = string.Concat(Enumerable.Repeat("abcé€", 600_000));
        var first = $"2024-01-02 03:04:05,123 ERROR [main] com.acme.Job: {body}";
        await File.WriteAllTextAsync(path, first + "\n2024-01-02 03:04:06,000 INFO [main] com.acme.Job: next\n");

        var events = await SourceDrain.ReadAllAsync(TextFileSource.Create("text:" + path)!);

        Assert.Equal(2, events.Count);
        var cut = events[0].Message!;
        Assert.True(cut.Length <= MessageCap.MaxChars, $"{cut.Length} characters");
        Assert.StartsWith("abcé€abcé€", cut, StringComparison.Ordinal);
        Assert.EndsWith($"[truncated by Vigil: {body.Length:N0} characters in all]", cut, StringComparison.Ordinal);
        Assert.Equal("next", events[1].Message);
        Assert.EndsWith(":" + (Encoding.UTF8.GetByteCount(first) + 1), events[1].RecordKey, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ARecordOfCountlessContinuationLinesKeepsWhatTheCapKeepsAndCountsTheRest()
    {
        using var dir = new TempDirectory();
        var path = dir.File("app.log");
        var frames = Enumerable.Range(0, 100_000).Select(i => $"\tat com.acme.Frame{i:D6}.run(Frame.java:1)").ToArray();
        await File.WriteAllTextAsync(path, "2024-01-02 03:04:05,123 ERROR [main] com.acme.Job: failed\n" + string.Join('\n', frames) + "\n2024-01-02 03:04:06,000 INFO [main] com.acme.Job: next\n");

        var events = await SourceDrain.ReadAllAsync(TextFileSource.Create("text:" + path)!);

        Assert.Equal(2, events.Count);
        var whole = "failed\n" + string.Join('\n', frames);
        Assert.True(events[0].Message!.Length <= MessageCap.MaxChars, $"{events[0].Message!.Length} characters");
        Assert.StartsWith("failed\n\tat com.acme.Frame000000.run", events[0].Message, StringComparison.Ordinal);
        Assert.EndsWith($"[truncated by Vigil: {whole.Length:N0} characters in all]", events[0].Message, StringComparison.Ordinal);
        Assert.Equal("next", events[1].Message);
    }
}
