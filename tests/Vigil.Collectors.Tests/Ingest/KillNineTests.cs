using Vigil.Collectors.Tests.Support;
using Vigil.Storage;

namespace Vigil.Collectors.Tests.Ingest;

public sealed class KillNineTests
{
    private const int Kills = 20;
    private const int MaxRounds = 60;
    private const int BatchSize = 100;

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
        var kills = 0;
        writer.Append(log, 4_000);

        for (var round = 0; kills < Kills && round < MaxRounds; round++)
        {
            using var child = IngestChild.Start(db, spec, BatchSize);

            // Kill after a random number of commits and a random moment more: mid-parse, mid-transaction, mid-write.
            var killAfter = random.Next(1, 6);
            for (var commits = 0; commits < killAfter;)
            {
                var line = await child.StandardOutput.ReadLineAsync();
                if (line is null || line.StartsWith("done", StringComparison.Ordinal))
                {
                    break;
                }

                commits++;
            }

            Thread.SpinWait(random.Next(0, 20_000));
            child.Kill();
            await child.WaitForExitAsync();

            // A child that finished before the signal (the machine was fast) does not count as a kill.
            var rest = await child.StandardOutput.ReadToEndAsync();
            kills += rest.Contains("done", StringComparison.Ordinal) ? 0 : 1;

            // The log keeps growing between restarts, and rotates once.
            writer.Append(log, random.Next(3_000, 4_000));
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

        Assert.True(kills == Kills, $"only {kills} of {MaxRounds} runs were killed before finishing (seed {seed})");
        using var store = SqliteEventStore.Open(db);
        var stored = await SourceDrain.StoredAsync(store, spec);
        Assert.Equal(writer.Written, stored.Count);
        Assert.Equal(writer.ExpectedMessages().Order(StringComparer.Ordinal), stored.Select(e => e.Message!).Order(StringComparer.Ordinal));
    }
}
