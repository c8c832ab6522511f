using System.Net;
using Microsoft.Extensions.DependencyInjection;
using Vigil.Api.Errors;
using Vigil.Api.Jobs;
using Vigil.Api.Tests.Support;
using Vigil.Collectors.Demo;

namespace Vigil.Api.Tests.Endpoints;

public sealed class RunGateTests
{
    [Fact]
    public async Task ASecondRunWhileOneIsInProgressGets409NamingTheRunningJob()
    {
        await using var server = await RunningServer.TrainedAsync();
        var release = new TaskCompletionSource();
        var jobs = server.Server.App.Services.GetRequiredService<JobCoordinator>();
        Assert.True(jobs.TryStart("setup", async (_, _) => { await release.Task; return null; }, out var running));

        using var detect = await server.PostJsonAsync("/detect", "{}");
        using var setup = await server.PostJsonAsync("/setup", "{}");

        foreach (var response in new[] { detect, setup })
        {
            var problem = await Problem.ReadAsync(response, HttpStatusCode.Conflict);
            Assert.Equal(running.Id, problem.GetProperty(ApiProblems.JobIdExtension).GetString());
        }

        release.SetResult();
        await running.Completion;
        using var after = await server.PostJsonAsync("/detect", $$"""{"now":"{{DemoScenario.End:O}}","hours":24}""");
        Assert.Equal(HttpStatusCode.OK, after.StatusCode);
    }

    [Fact]
    public async Task DetectWithoutWaitingAnswers202AndTheJobHoldsTheHours()
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.PostJsonAsync("/detect?wait=false", $$"""{"now":"{{DemoScenario.End:O}}","hours":6}""");

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await System.Net.Http.Json.HttpContentJsonExtensions.ReadFromJsonAsync<System.Text.Json.JsonElement>(response.Content)).GetProperty("id").GetString()!;
        var job = server.Server.App.Services.GetRequiredService<JobCoordinator>().Find(id)!;
        await job.Completion;
        var finished = await server.GetJsonAsync($"/jobs/{id}");
        Assert.Equal("succeeded", finished.GetProperty("state").GetString());
        Assert.Equal(6, finished.GetProperty("result").GetArrayLength());
    }
}
