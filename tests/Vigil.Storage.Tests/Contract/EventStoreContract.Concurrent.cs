using Vigil.Core.Events;

namespace Vigil.Storage.Tests.Contract;

/// <summary>Batches of many sources stored at once, as the push receivers hand a request's hosts to the store.</summary>
public abstract partial class EventStoreContract
{
    [Fact]
    public async Task ConcurrentBatchesOfManySourcesAreEachAnsweredWithTheirOwnNewEventsAndCheckpoint()
    {
        using var store = Open();
        await store.AddEventsAsync("host:h3/otlp", [Event("h3-0", Noon), Event("h3-1", Noon.AddMinutes(1))], "before", CancellationToken.None);

        // Given twenty sources written at once, one of them resending two stored events with one new one
        var writes = Enumerable.Range(0, 20).Select(h => store.AddEventsAsync(
            $"host:h{h}/otlp",
            [.. Enumerable.Range(0, h + 1).Select(i => Event($"h{h}-{i}", Noon.AddMinutes(i)))],
            $"cp-{h}",
            CancellationToken.None)).ToList();
        var added = await Task.WhenAll(writes);

        // Then each is answered with what it added, and each source holds its own count, span and checkpoint
        Assert.Equal([.. Enumerable.Range(0, 20).Select(h => h == 3 ? 2 : h + 1)], added);
        var sources = (await store.GetSourcesAsync(CancellationToken.None)).ToDictionary(s => s.Name);
        for (var h = 0; h < 20; h++)
        {
            var name = $"host:h{h}/otlp";
            Assert.Equal((h + 1L, Noon, Noon.AddMinutes(h)), (sources[name].Events, sources[name].FirstEvent, sources[name].LastEvent));
            Assert.Equal($"cp-{h}", await store.GetCheckpointAsync(name, CancellationToken.None));
        }
    }

    [Fact]
    public async Task BatchesOfOneSourceWrittenAtOnceStoreTheEventTheyShareOnce()
    {
        using var store = Open();

        var writes = Enumerable.Range(0, 10).Select(i => store.AddEventsAsync(
            "journald", [Event($"e{i}", Noon.AddMinutes(i)), Event("shared", Noon)], $"cursor-{i}", CancellationToken.None)).ToList();
        var added = await Task.WhenAll(writes);

        // Each batch commits whole with its checkpoint; which one commits last is up to the callers, who did not wait.
        Assert.Equal(11, added.Sum());
        Assert.Contains(added, a => a == 2);
        Assert.StartsWith("cursor-", await store.GetCheckpointAsync("journald", CancellationToken.None));
        Assert.Equal(11, (await store.GetStatisticsAsync(CancellationToken.None)).Events);
    }
}
