using Vigil.Collectors.Tests.Support;
using Vigil.Collectors.Text;
using Vigil.Forward.Sending;
using Vigil.Forward.Tests.Support;

namespace Vigil.Forward.Tests;

public sealed class ForwarderTests
{
    [Fact]
    public async Task EverythingReadIsDeliveredOnceAndTheCheckpointIsRecordedAfterTheAck()
    {
        using var dir = new TempDirectory();
        var (source, writer) = Log(dir, 1_000);
        var sender = new RecordingSender();

        var progress = await new ForwardRun(dir.File("state"), sender, source).OnceAsync();

        Assert.Equal(1_000, sender.Stored);
        Assert.Equal(writer.ExpectedMessages().Order(StringComparer.Ordinal), sender.Messages().Order(StringComparer.Ordinal));
        Assert.Equal(1_000, progress.Acked);
        Assert.Equal(0, progress.SpooledBatches);
        Assert.NotNull(AckedCheckpoints.Open(Path.Combine(dir.File("state"), "checkpoints.json")).Get(source.Name));
    }

    [Fact]
    public async Task WhileTheServerIsDownWhatIsReadWaitsInTheSpoolAndSurvivesARestart()
    {
        using var dir = new TempDirectory();
        var (source, _) = Log(dir, 1_000);
        var down = new RecordingSender { Answer = _ => SendResult.RetryLater("503 Service Unavailable") };

        var first = await new ForwardRun(dir.File("state"), down, source).UntilAsync(p => p.Read == 1_000);

        Assert.Equal(0, down.Stored);
        Assert.True(first.SpooledBatches >= 10, $"spooled {first.SpooledBatches} batches");
        Assert.False(first.ServerAnswering);
        Assert.Null(AckedCheckpoints.Open(Path.Combine(dir.File("state"), "checkpoints.json")).Get(source.Name));

        // A new process: the spool is sent first, and the source resumes after what was spooled, not from its start.
        var up = new RecordingSender();
        var second = await new ForwardRun(dir.File("state"), up, source).OnceAsync();

        Assert.Equal(1_000, up.Stored);
        Assert.Equal(0, second.Read);
        Assert.Equal(1_000, second.Acked);
    }

    [Fact]
    public async Task NetworkFailuresAreRetriedUntilTheServerAnswersAndReportedOnce()
    {
        using var dir = new TempDirectory();
        var (source, _) = Log(dir, 300);
        var failures = 0;
        var sender = new RecordingSender();
        sender.Answer = _ => ++failures <= 5 ? throw new HttpRequestException("Connection refused (127.0.0.1:9)") : null;
        var run = new ForwardRun(dir.File("state"), sender, source);

        await run.OnceAsync();

        Assert.Equal(300, sender.Stored);
        Assert.Single(run.Log, l => l.Contains("Connection refused", StringComparison.Ordinal));
        Assert.Single(run.Log, l => l.Contains("answering again", StringComparison.Ordinal));
    }

    [Fact]
    public async Task RecordsTheServerRejectsAreCountedReportedOnceAndNotResent()
    {
        using var dir = new TempDirectory();
        var (source, _) = Log(dir, 500);
        var sender = new RecordingSender { Answer = _ => new SendResult(SendStatus.Accepted, Rejected: 10, Message: "timestamp too old") };
        var run = new ForwardRun(dir.File("state"), sender, source);

        var progress = await run.OnceAsync();

        Assert.Equal(5, sender.Requests);
        Assert.Equal(50, progress.Rejected);
        Assert.Equal(450, progress.Acked);
        Assert.Equal(450, sender.Stored);
        Assert.Single(run.Log, l => l.Contains("timestamp too old", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ARetryAfterFromTheServerIsHowLongTheForwarderWaits()
    {
        using var dir = new TempDirectory();
        var (source, _) = Log(dir, 100);
        var asked = 0;
        var sender = new RecordingSender();
        sender.Answer = _ => ++asked == 1 ? SendResult.RetryLater("429 Too Many Requests", TimeSpan.FromSeconds(1.5)) : null;
        var run = new ForwardRun(dir.File("state"), sender, source);

        await run.OnceAsync();

        Assert.Equal(100, sender.Stored);
        Assert.Contains(run.Log, l => l.Contains("429 Too Many Requests", StringComparison.Ordinal) && l.Contains("next in 1.5 s", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFullSpoolWhileTheServerIsDownDropsTheOldestBatchesWithALoudWarning()
    {
        using var dir = new TempDirectory();
        var (source, _) = Log(dir, 1_000);
        var down = new RecordingSender { Answer = _ => SendResult.RetryLater("connection refused") };
        var run = new ForwardRun(dir.File("state"), down, source) { SpoolBytes = 1 };

        var progress = await run.UntilAsync(p => p.Read == 1_000 && !p.ServerAnswering);

        Assert.InRange(progress.SpooledBatches, 1, 2);
        Assert.InRange(progress.Dropped, 800, 990);
        Assert.Single(run.Log, l => l.StartsWith("SPOOL FULL", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AFullSpoolWhileTheServerAnswersMakesReadingWaitInsteadOfDropping()
    {
        using var dir = new TempDirectory();
        var (source, _) = Log(dir, 1_000);
        var sender = new RecordingSender();

        var progress = await new ForwardRun(dir.File("state"), sender, source) { SpoolBytes = 1 }.OnceAsync();

        Assert.Equal(0, progress.Dropped);
        Assert.Equal(1_000, sender.Stored);
    }

    [Fact]
    public async Task AKeyTheServerRefusesStopsTheForwarderWithTheServersReason()
    {
        using var dir = new TempDirectory();
        var (source, _) = Log(dir, 100);
        var sender = new RecordingSender { Answer = _ => throw new ForwardException("server refused the ingest key (401)") };

        var error = await Assert.ThrowsAsync<ForwardException>(() => new ForwardRun(dir.File("state"), sender, source).UntilAsync(_ => false));

        Assert.Contains("401", error.Message, StringComparison.Ordinal);
    }

    private static (TextFileSource Source, LogWriter Writer) Log(TempDirectory dir, int lines)
    {
        var path = dir.File("app.log");
        var writer = new LogWriter();
        writer.Append(path, lines);
        return (new TextFileSource("text:" + path, path, isLive: true), writer);
    }
}
