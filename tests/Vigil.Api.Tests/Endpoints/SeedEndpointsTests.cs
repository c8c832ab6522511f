using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Api.Tests.Support;
using Vigil.Collectors.Demo;
using Vigil.Core.Windows;
using Vigil.Pipeline;

namespace Vigil.Api.Tests.Endpoints;

public sealed class SeedEndpointsTests
{
    private static readonly string[] SeedHourFields =
        ["hour_timestamp", "total_events", "error_count", "warning_count", "info_count", "error_rate", "is_anomaly", "anomaly_score", "reasons", "severity", "suppressed", "details"];

    [Fact]
    public async Task StatusReportsTheTrainedModelItsRangeAndSource()
    {
        await using var server = await RunningServer.TrainedAsync();

        var status = await server.GetJsonAsync("/status");

        Assert.True(status.GetProperty("model_exists").GetBoolean());
        Assert.Equal(DemoScenario.Start, status.GetProperty("training_from").GetDateTime().ToUniversalTime());
        Assert.Equal(DemoScenario.TrainingEnd, status.GetProperty("training_to").GetDateTime().ToUniversalTime());
        Assert.Equal(168, status.GetProperty("training_hours").GetInt32());
        Assert.Equal(DemoData.Source, status.GetProperty("source").GetString());
        Assert.NotEqual(JsonValueKind.Null, status.GetProperty("trained_at").ValueKind);
    }

    [Fact]
    public async Task DetectReturnsTheSeedsHoursWithScoresAndFlagsTheInjectedIncident()
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.PostJsonAsync("/detect", $$"""{"now":"{{DemoScenario.End:O}}","hours":24}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hours = await response.Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(24, hours!.Length);
        Assert.All(hours, h => Assert.Equal(SeedHourFields, h.EnumerateObject().Select(p => p.Name)));
        var flagged = hours.Where(h => h.GetProperty("is_anomaly").GetBoolean()).Select(h => h.GetProperty("hour_timestamp").GetString()!).ToHashSet();
        Assert.Superset(DemoScenario.IncidentHours.Select(HourlySummary.FormatHour).ToHashSet(), flagged);
    }

    [Fact]
    public async Task DetectBeforeSetupAnswers409WithTheSeedsNoModelMessage()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var response = await server.PostJsonAsync("/detect", "{}");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
        Assert.Equal(NoModelException.SeedMessage, problem.GetProperty("detail").GetString());
    }

    [Fact]
    public async Task SetupAnswers202WithAJobWhoseProgressEndsInTheTrainedModel()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var response = await server.PostJsonAsync("/setup", $$"""{"now":"{{DemoScenario.TrainingEnd:O}}"}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var job = await response.Content.ReadFromJsonAsync<JsonElement>();
        var id = job.GetProperty("id").GetString();
        Assert.Equal($"/jobs/{id}", response.Headers.Location?.OriginalString);
        var finished = await WaitForJobAsync(server, id!);
        Assert.Equal("succeeded", finished.GetProperty("state").GetString());
        Assert.Equal(SetupService.SuccessMessage, finished.GetProperty("result").GetProperty("message").GetString());
        Assert.True((await server.GetJsonAsync("/status")).GetProperty("model_exists").GetBoolean());
    }

    [Fact]
    public async Task SetupWithWaitAnswersTheTrainingResultDirectly()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var response = await server.PostJsonAsync("/setup?wait=true", $$"""{"now":"{{DemoScenario.TrainingEnd:O}}"}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var setup = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(SetupService.SuccessMessage, setup.GetProperty("message").GetString());
        Assert.Equal(168, setup.GetProperty("training_hours").GetInt32());
    }

    [Fact]
    public async Task AnUnknownJobAnswers404ProblemDetails()
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.Client.GetAsync("/jobs/nothing-like-this");

        await Problem.ReadAsync(response, HttpStatusCode.NotFound);
    }

    private static async Task<JsonElement> WaitForJobAsync(RunningServer server, string id)
    {
        // A hang guard, not a speed check: setup on the demo week ends in well under this.
        for (var attempt = 0; attempt < 600; attempt++)
        {
            var job = await server.GetJsonAsync($"/jobs/{id}");
            if (job.GetProperty("state").GetString() != "running")
            {
                return job;
            }

            await Task.Delay(50);
        }

        throw new TimeoutException($"job {id} did not end");
    }
}
