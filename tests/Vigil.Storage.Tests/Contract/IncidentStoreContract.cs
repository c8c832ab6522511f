using Microsoft.Extensions.Time.Testing;
using Vigil.Core.Detection;
using Vigil.Storage.Incidents;

namespace Vigil.Storage.Tests.Contract;

/// <summary>
/// What every engine of <see cref="IIncidentStore"/> must do (SQLite, PostgreSQL): a subclass says how to open it; a
/// second call opens the same stored data again, as another process (another instance) would.
/// </summary>
public abstract class IncidentStoreContract
{
    protected static readonly DateTime Noon = new(2026, 2, 16, 12, 0, 0, DateTimeKind.Utc);

    protected FakeTimeProvider Clock { get; } = new(new DateTimeOffset(2026, 2, 16, 15, 7, 0, 500, TimeSpan.Zero));

    protected abstract IIncidentStore Open();

    protected static IncidentRecord Incident(string id, string source, DateTime first, int hours = 1, bool resolved = false) =>
        new(id, source, first, first.AddHours(hours - 1), resolved)
        {
            Severity = AnomalySeverity.High,
            Hours = hours,
            Summary = "113 errors, usually ~0.6 at this hour",
            ModelId = "sha256:abc",
            Pages = 1,
            OpenedAt = first.AddMinutes(5),
            UpdatedAt = first.AddHours(hours - 1).AddMinutes(5),
            ResolvedAt = resolved ? first.AddHours(hours + 1) : null,
        };

    [Fact]
    public async Task AnIncidentReadsBackAsItWasSavedAndTheLatestOfASourceIsTheOneWithTheLastHour()
    {
        using var store = Open();
        var old = Incident("2026021608-aaaaaa", "file:a", Noon.AddHours(-4), hours: 2, resolved: true);
        var current = Incident("2026021612-aaaaaa", "file:a", Noon) with { Summary = null, ModelId = null };
        var other = Incident("2026021614-bbbbbb", "file:b", Noon.AddHours(2));

        await store.SaveAsync([old, current, other], CancellationToken.None);

        Assert.Equal(old, await store.GetAsync(old.Id, CancellationToken.None));
        Assert.Equal(current, await store.GetLatestAsync("file:a", CancellationToken.None));
        Assert.Null(await store.GetLatestAsync("file:c", CancellationToken.None));
        Assert.Null(await store.GetAsync("nope", CancellationToken.None));
    }

    [Fact]
    public async Task ListingIsMostRecentlyActiveFirstAndOpenOnlyLeavesResolvedOnesOut()
    {
        using var store = Open();
        await store.SaveAsync(
            [Incident("i1", "file:a", Noon, resolved: true), Incident("i2", "file:b", Noon.AddHours(1)), Incident("i3", "file:c", Noon.AddHours(2), resolved: true), Incident("i4", "file:d", Noon.AddHours(3))],
            CancellationToken.None);

        Assert.Equal(["i4", "i3", "i2", "i1"], (await store.ListAsync(openOnly: false, 10, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal(["i4", "i2"], (await store.ListAsync(openOnly: true, 10, CancellationToken.None)).Select(i => i.Id));
        Assert.Equal(["i4", "i3"], (await store.ListAsync(openOnly: false, 2, CancellationToken.None)).Select(i => i.Id));
    }

    [Fact]
    public async Task AnAcknowledgementMadeWhileARunPlannedSurvivesTheRunsSave()
    {
        using var detector = Open();
        using var operatorSide = Open();
        var opened = Incident("2026021612-aaaaaa", "file:a", Noon);
        await detector.SaveAsync([opened], CancellationToken.None);

        var acknowledged = await operatorSide.AcknowledgeAsync(opened.Id, "on it", CancellationToken.None);
        await detector.SaveAsync([opened with { LastHour = Noon.AddHours(1), Hours = 2, Pages = 2 }], CancellationToken.None);

        var stored = await detector.GetAsync(opened.Id, CancellationToken.None);
        Assert.Equal(Clock.GetUtcNow().UtcDateTime, acknowledged?.AcknowledgedAt);
        Assert.Equal((2, 2, Noon.AddHours(1)), (stored!.Hours, stored.Pages, stored.LastHour));
        Assert.Equal((acknowledged!.AcknowledgedAt, "on it"), (stored.AcknowledgedAt, stored.AcknowledgedNote));
    }

    [Fact]
    public async Task TheFirstAcknowledgementStandsAndAnUnknownIncidentIsNone()
    {
        using var store = Open();
        await store.SaveAsync([Incident("i1", "file:a", Noon)], CancellationToken.None);

        var first = await store.AcknowledgeAsync("i1", "alice has it", CancellationToken.None);
        Clock.Advance(TimeSpan.FromMinutes(10));
        var second = await store.AcknowledgeAsync("i1", "bob too", CancellationToken.None);

        Assert.Equal(first, second);
        Assert.Equal("alice has it", second!.AcknowledgedNote);
        Assert.True(second.Acknowledged);
        Assert.Null(await store.AcknowledgeAsync("i9", null, CancellationToken.None));
    }

    [Fact]
    public async Task ASaveThatFailsHalfwayStoresNoneOfItsIncidents()
    {
        using var store = Open();

        await Assert.ThrowsAnyAsync<Exception>(() => store.SaveAsync([Incident("i1", "file:a", Noon), Incident("i2", null!, Noon)], CancellationToken.None));

        Assert.Empty(await store.ListAsync(openOnly: false, 10, CancellationToken.None));
    }
}
