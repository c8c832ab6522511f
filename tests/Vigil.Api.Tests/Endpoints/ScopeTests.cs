using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Vigil.Api.Tests.Support;
using Vigil.Collectors.Demo;
using Vigil.Core.Windows;
using Vigil.Pipeline;

namespace Vigil.Api.Tests.Endpoints;

public sealed class ScopeTests
{
    [Fact]
    public async Task HoursOfASecondSourceAreServedByScopeAndLeaveTheConfiguredOnesVerdicts()
    {
        await using var server = await RunningServer.TrainedAsync();
        var before = await server.GetJsonAsync("/hours");
        var other = Path.Combine(server.Config.Vigil.DataDir, "other.csv");
        var lines = File.ReadAllLines(server.Config.Vigil.Source["file:".Length..]);
        File.WriteAllLines(other, lines.Take(1).Concat(lines.Skip(1).Where((_, i) => i % 10 == 0)));
        using (var context = new VigilContext(server.Config))
        {
            await new DetectService(context).RunAsync(new RunRequest("file:" + other, DemoScenario.End, 24), null, _ => { }, CancellationToken.None);
        }

        var after = await server.GetJsonAsync("/hours");
        var second = (await server.GetJsonAsync("/hours?source=" + Uri.EscapeDataString("file:" + other))).EnumerateArray().ToList();

        Assert.Equal(before.ToString(), after.ToString());
        var scored = second.Where(h => h.GetProperty("scored").GetBoolean()).ToList();
        Assert.Equal(24, scored.Count);
        Assert.Equal(HourlySummary.FormatHour(DemoScenario.TrainingEnd), scored[0].GetProperty("hour_timestamp").GetString());
        var configured = after.EnumerateArray().Where(h => h.GetProperty("scored").GetBoolean()).Select(h => h.GetProperty("total_events").GetInt32()).ToList();
        Assert.NotEqual(configured, scored.Select(h => h.GetProperty("total_events").GetInt32()));
    }

    [Fact]
    public async Task AnUnknownSourceInTheQueryIsABadRequest()
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.Client.GetAsync("/hours?source=nonsense:x");

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
    }

    [Fact]
    public async Task DetectAtTheLastRepresentableInstantScoresTheSilentHoursInsteadOfFailing()
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.PostJsonAsync("/detect", """{"now":"9999-12-31T23:59:59Z","hours":2}""");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var hours = await response.Content.ReadFromJsonAsync<JsonElement[]>();
        Assert.Equal(["9999-12-31 21:00:00", "9999-12-31 22:00:00"], hours!.Select(h => h.GetProperty("hour_timestamp").GetString()));
        Assert.All(hours!, h => Assert.Equal(0, h.GetProperty("total_events").GetInt32()));
    }
}
