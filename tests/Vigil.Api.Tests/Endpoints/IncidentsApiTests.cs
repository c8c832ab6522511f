using System.Net;
using System.Text;
using Vigil.Api.Tests.Support;
using Vigil.Collectors.Demo;
using Vigil.Core.Windows;

namespace Vigil.Api.Tests.Endpoints;

/// <summary><c>/incidents</c> on a real server after the demo's detection: the incident its flagged hours opened, and acknowledging it.</summary>
public sealed class IncidentsApiTests
{
    [Fact]
    public async Task TheDemoIncidentIsListedResolvedAndCanBeAcknowledgedWithTheKey()
    {
        await using var server = await RunningServer.TrainedAsync();

        var incidents = await server.GetJsonAsync("/incidents");
        var open = await server.GetJsonAsync("/incidents?state=open");
        var id = incidents[0].GetProperty("id").GetString()!;
        using var anonymous = await server.Anonymous.PostAsync($"/incidents/{id}/ack", new StringContent("{}", Encoding.UTF8, "application/json"));
        using var acknowledged = await server.PostJsonAsync($"/incidents/{id}/ack", """{"note":"disk swapped"}""");
        using var unknown = await server.PostJsonAsync("/incidents/2000010100-000000/ack", "{}");
        var after = await server.GetJsonAsync("/incidents");

        var incident = Assert.Single(incidents.EnumerateArray());
        Assert.Equal("resolved", incident.GetProperty("state").GetString());
        Assert.Equal(HourlySummary.FormatHour(DemoScenario.IncidentHours[0]), incident.GetProperty("first_hour").GetString());
        Assert.Equal(HourlySummary.FormatHour(DemoScenario.IncidentHours[^1]), incident.GetProperty("last_hour").GetString());
        Assert.Equal(3, incident.GetProperty("hours").GetInt32());
        Assert.Matches("^vigil-[0-9a-f]{16}$", incident.GetProperty("model_id").GetString());
        Assert.Empty(open.EnumerateArray());
        await Problem.ReadAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.OK, acknowledged.StatusCode);
        await Problem.ReadAsync(unknown, HttpStatusCode.NotFound);
        Assert.True(after[0].GetProperty("acknowledged").GetBoolean());
        Assert.Equal("disk swapped", after[0].GetProperty("acknowledged_note").GetString());
    }
}
