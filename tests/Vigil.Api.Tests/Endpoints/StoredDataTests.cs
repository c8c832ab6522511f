using System.Net;
using System.Text.Json;
using Vigil.Api.Tests.Support;
using Vigil.Collectors.Demo;
using Vigil.Core.Windows;

namespace Vigil.Api.Tests.Endpoints;

public sealed class StoredDataTests
{
    [Fact]
    public async Task HoursDefaultToTheWeekUpToTheNewestEventWithTheScoredDayMarked()
    {
        await using var server = await RunningServer.TrainedAsync();

        var hours = (await server.GetJsonAsync("/hours")).EnumerateArray().ToList();

        Assert.Equal(168, hours.Count);
        Assert.Equal(HourlySummary.FormatHour(DemoScenario.End.AddDays(-7)), hours[0].GetProperty("hour_timestamp").GetString());
        var scored = hours.Where(h => h.GetProperty("scored").GetBoolean()).ToList();
        Assert.Equal(24, scored.Count);
        Assert.All(scored, h => Assert.Equal(JsonValueKind.Number, h.GetProperty("anomaly_score").ValueKind));
        Assert.All(hours.Except(scored), h => Assert.Equal(JsonValueKind.Null, h.GetProperty("anomaly_score").ValueKind));
        Assert.True(hours.Sum(h => h.GetProperty("total_events").GetInt32()) > 0);
    }

    [Fact]
    public async Task HoursHonourAnExplicitRange()
    {
        await using var server = await RunningServer.TrainedAsync();

        var hours = await server.GetJsonAsync("/hours?from=2026-02-10T00:00:00Z&to=2026-02-10T06:00:00Z");

        Assert.Equal(["2026-02-10 00:00:00", "2026-02-10 01:00:00", "2026-02-10 02:00:00", "2026-02-10 03:00:00", "2026-02-10 04:00:00", "2026-02-10 05:00:00"],
            hours.EnumerateArray().Select(h => h.GetProperty("hour_timestamp").GetString()));
    }

    [Fact]
    public async Task AnomaliesListTheFlaggedHoursWithReasons()
    {
        await using var server = await RunningServer.TrainedAsync();

        var anomalies = (await server.GetJsonAsync("/anomalies")).EnumerateArray().ToList();

        var when = anomalies.Select(a => a.GetProperty("hour_timestamp").GetString()!).ToHashSet();
        Assert.Superset(DemoScenario.IncidentHours.Select(HourlySummary.FormatHour).ToHashSet(), when);
        Assert.All(anomalies, a => Assert.True(a.GetProperty("is_anomaly").GetBoolean()));
        Assert.All(anomalies, a => Assert.Equal(JsonValueKind.Array, a.GetProperty("reasons").ValueKind));
        Assert.All(anomalies, a => Assert.Matches("^(seed|vigil)-[0-9a-f]{16}$", a.GetProperty("model_id").GetString()));
        Assert.All(anomalies, a => Assert.Equal(a.GetProperty("anomaly_score").GetDouble(), a.GetProperty("score").GetDouble()));
        Assert.All(anomalies, a => Assert.Equal(JsonValueKind.Number, a.GetProperty("threshold").ValueKind));
        Assert.All(anomalies, a => Assert.True(a.GetProperty("current").GetBoolean()));
    }

    [Fact]
    public async Task RunsListTheSetupAndDetectNewestFirst()
    {
        await using var server = await RunningServer.TrainedAsync();

        var runs = (await server.GetJsonAsync("/runs")).EnumerateArray().ToList();

        Assert.Equal(["detect", "setup"], runs.Select(r => r.GetProperty("kind").GetString()));
        Assert.All(runs, r => Assert.True(r.GetProperty("succeeded").GetBoolean()));
    }

    [Fact]
    public async Task HealthIsReadyWithAModelAndTellsTheLastSuccessfulRun()
    {
        await using var server = await RunningServer.TrainedAsync();

        var health = await server.GetJsonAsync("/health/ready");

        Assert.True(health.GetProperty("ready").GetBoolean());
        Assert.True(health.GetProperty("store_reachable").GetBoolean());
        Assert.True(health.GetProperty("model_loaded").GetBoolean());
        Assert.Equal(JsonValueKind.String, health.GetProperty("last_successful_run").ValueKind);
    }

    [Fact]
    public async Task BeforeSetupTheServerIsAliveButNotReady()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var live = await server.Client.GetAsync("/health");
        using var ready = await server.Client.GetAsync("/health/ready");

        Assert.Equal(HttpStatusCode.OK, live.StatusCode);
        Assert.Equal(HttpStatusCode.ServiceUnavailable, ready.StatusCode);
    }

    [Fact]
    public async Task TheOpenApiDocumentDescribesTheEndpointsAndTheReferencePageIsServed()
    {
        await using var server = await RunningServer.TrainedAsync();

        var document = await server.GetJsonAsync("/openapi/v1.json");
        using var reference = await server.Client.GetAsync("/scalar/v1");

        var paths = document.GetProperty("paths").EnumerateObject().Select(p => p.Name).ToHashSet();
        Assert.Superset(new HashSet<string> { "/status", "/setup", "/detect", "/jobs/{id}", "/hours", "/anomalies", "/runs", "/health" }, paths);
        Assert.Equal(HttpStatusCode.OK, reference.StatusCode);
        Assert.Contains("<html", await reference.Content.ReadAsStringAsync(), StringComparison.OrdinalIgnoreCase);
    }
}
