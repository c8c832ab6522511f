using System.Net;
using Vigil.Api.Tests.Support;
using Vigil.Core.Events;
using Vigil.Pipeline;

namespace Vigil.Api.Tests.Endpoints;

/// <summary><c>/maintenance</c>, <c>/accepted</c> and <c>/feedback</c> on a real server: the same store the CLI writes, behind the API key.</summary>
public sealed class OperatorApiTests
{
    [Fact]
    public async Task AMaintenanceWindowIsAddedListedAndRemovedWithTheKey()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var anonymous = await server.Anonymous.PostAsync("/maintenance", Json("""{"from":"2026-02-16T04:00Z","to":"2026-02-16T06:00Z"}"""));
        using var created = await server.PostJsonAsync("/maintenance", """{"from":"2026-02-16T04:00Z","to":"2026-02-16T06:00Z","reason":"patching"}""");
        var listed = await server.GetJsonAsync("/maintenance");
        using var removed = await server.Client.DeleteAsync("/maintenance/1");
        using var missing = await server.Client.DeleteAsync("/maintenance/1");

        await Problem.ReadAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var window = Assert.Single(listed.EnumerateArray());
        Assert.Equal("patching", window.GetProperty("reason").GetString());
        Assert.Equal(new DateTime(2026, 2, 16, 4, 0, 0, DateTimeKind.Utc), window.GetProperty("from").GetDateTime().ToUniversalTime());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        await Problem.ReadAsync(missing, HttpStatusCode.NotFound);
        Assert.Empty((await server.GetJsonAsync("/maintenance")).EnumerateArray());
    }

    [Fact]
    public async Task AMaintenanceWindowMayNameAHostAndAnInvalidHostIsABadRequest()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var created = await server.PostJsonAsync("/maintenance", """{"from":"2026-02-16T04:00Z","to":"2026-02-16T06:00Z","host":"Web01"}""");
        using var invalid = await server.PostJsonAsync("/maintenance", """{"from":"2026-02-16T04:00Z","to":"2026-02-16T06:00Z","host":"web01/syslog"}""");
        var listed = Assert.Single((await server.GetJsonAsync("/maintenance")).EnumerateArray());

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal("web01", listed.GetProperty("host").GetString());
        Assert.Contains("host 'web01/syslog' is not a host name", (await Problem.ReadAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ABadWindowIsABadRequestNamingTheField()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var response = await server.PostJsonAsync("/maintenance", """{"from":"soon","to":"2026-02-16T06:00Z"}""");

        var problem = await Problem.ReadAsync(response, HttpStatusCode.BadRequest);
        Assert.Contains("--from 'soon' is not a time", problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AKindIsAcceptedListedAndNoLongerAccepted()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var accepted = await server.PostJsonAsync("/accepted", """{"kind":"Service Control Manager/7045"}""");
        var listed = await server.GetJsonAsync("/accepted");
        using var removed = await server.Client.DeleteAsync("/accepted?kind=" + Uri.EscapeDataString("Service Control Manager/7045"));

        Assert.Equal(HttpStatusCode.OK, accepted.StatusCode);
        Assert.Equal("Service Control Manager/7045", Assert.Single(listed.EnumerateArray()).GetProperty("kind").GetString());
        Assert.Equal(HttpStatusCode.NoContent, removed.StatusCode);
        Assert.Empty((await server.GetJsonAsync("/accepted")).EnumerateArray());
    }

    [Fact]
    public async Task AFalseAlarmIsStoredWithTheKeyAndAnHourThatIsNotOneIsRefused()
    {
        await using var server = await RunningServer.EmptyAsync();

        using var anonymous = await server.Anonymous.PostAsync("/feedback", Json("""{"hour":"2026-02-16 14:00:00"}"""));
        using var midHour = await server.PostJsonAsync("/feedback", """{"hour":"2026-02-16 14:30:00"}""");
        using var empty = await server.PostJsonAsync("/feedback", "{}");
        using var created = await server.PostJsonAsync("/feedback", """{"hour":"2026-02-16 14:00:00","note":"backup job"}""");
        var listed = Assert.Single((await server.GetJsonAsync("/feedback")).EnumerateArray());

        await Problem.ReadAsync(anonymous, HttpStatusCode.Unauthorized);
        Assert.Contains("not the start of an hour", (await Problem.ReadAsync(midHour, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        await Problem.ReadAsync(empty, HttpStatusCode.BadRequest);
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        Assert.Equal(("2026-02-16 14:00:00", "backup job"), (listed.GetProperty("hour_timestamp").GetString(), listed.GetProperty("note").GetString()));
    }

    [Fact]
    public async Task AFalseAlarmMayNameAHostAndOneAtTheSameHourForAnotherHostOrEveryHostIsItsOwnRow()
    {
        await using var server = await RunningServer.EmptyAsync();
        using (var context = new VigilContext(server.Config))
        {
            foreach (var host in new[] { "web01", "web02" })
            {
                var at = new DateTime(2026, 2, 16, 3, 10, 0, DateTimeKind.Utc);
                await context.Store.AddEventsAsync(HostSource.Compose(host, "syslog"), [new LogEvent(at, 4, 7, "cron", "syslog", host, "daily job", "k1")], null, CancellationToken.None);
            }
        }

        using var web01 = await server.PostJsonAsync("/feedback", """{"hour":"2026-02-16 03:00:00","host":"WEB01","note":"backup"}""");
        using var web02 = await server.PostJsonAsync("/feedback", """{"hour":"2026-02-16 03:00:00","host":"web02"}""");
        using var every = await server.PostJsonAsync("/feedback", """{"hour":"2026-02-16 03:00:00"}""");
        using var invalid = await server.PostJsonAsync("/feedback", """{"hour":"2026-02-16 03:00:00","host":"web 01/<b>"}""");
        using var unknown = await server.PostJsonAsync("/feedback", """{"hour":"2026-02-16 03:00:00","host":"web10"}""");
        var listed = (await server.GetJsonAsync("/feedback")).EnumerateArray().ToList();

        Assert.Equal(HttpStatusCode.Created, web01.StatusCode);
        Assert.Contains("\"host\":\"web01\"", await web01.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.Created, web02.StatusCode);
        Assert.Equal(HttpStatusCode.Created, every.StatusCode);
        var detail = (await Problem.ReadAsync(invalid, HttpStatusCode.BadRequest)).GetProperty("detail").GetString();
        Assert.Contains("is not a host name", detail, StringComparison.Ordinal);
        Assert.DoesNotContain('\n', detail!);
        Assert.Contains("no events from host 'web10' are stored", (await Problem.ReadAsync(unknown, HttpStatusCode.BadRequest)).GetProperty("detail").GetString(), StringComparison.Ordinal);
        Assert.Equal([(null, null), ("web01", "backup"), ("web02", null)], listed.Select(f => (f.GetProperty("host").GetString(), f.GetProperty("note").GetString())));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");
}
