using Vigil.Collectors.Tests.Support;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Ingest;

public sealed class KillNineTests
{
    private const int Kills = 25;
    private const int BatchSize = 200;

    [Fact]
    public async Task KillingTheIngestProcessAtRandomPointsNeitherLosesNorDuplicatesAnEvent()
    {
        using var dir = new TempDirectory();
        var log = dir.File("app.log");
        var db = dir.File("vigil.db");
        var spec = "text:" + log;
        var writer = new LogWriter();
        var seed = Environment.TickCount;
        var random = new Random(seed);
        var interrupted = 0;
        writer.Append(log, 5_000);

        for (var round = 0; round < Kills; round++)
        {
            using var child = IngestChild.Start(db, spec, BatchSize);

            // Kill after a random number of commits and a random few milliseconds more: mid-parse, mid-transaction, mid-write.
            var killAfter = random.Next(1, 6);
            for (var commits = 0; commits < killAfter;)
            {
                var line = await child.StandardOutput.ReadLineAsync();
                Assert.True(line is not null && !line.StartsWith("done", StringComparison.Ordinal), $"round {round} (seed {seed}): the child finished before it was killed: {line}");
                commits += line.StartsWith("batch", StringComparison.Ordinal) ? 1 : 0;
            }

            Thread.SpinWait(random.Next(0, 2_000_000));
            child.Kill();
            await child.WaitForExitAsync();
            interrupted += child.ExitCode != 0 ? 1 : 0;

            // The log keeps growing between restarts, and rotates once.
            writer.Append(log, random.Next(1_500, 2_500));
            if (round == Kills / 2)
            {
                File.Move(log, log + ".1");
                writer.Append(log, 1_500);
            }
        }

        using (var last = IngestChild.Start(db, spec, BatchSize))
        {
            var output = await last.StandardOutput.ReadToEndAsync();
            await last.WaitForExitAsync();
            Assert.True(last.ExitCode == 0, $"final ingest failed: {output} {await last.StandardError.ReadToEndAsync()}");
        }

        Assert.Equal(Kills, interrupted);
        using var store = SqliteEventStore.Open(db);
        var stored = await SourceDrain.StoredAsync(store, spec);
        Assert.Equal(writer.Written, stored.Count);
        Assert.Equal(writer.ExpectedMessages().Order(StringComparer.Ordinal), stored.Select(e => e.Message!).Order(StringComparer.Ordinal));
    }
}
