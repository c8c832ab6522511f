using Vigil.Api.Tests.Fleet;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Dashboard;

/// <summary>The fleet page in headless Chromium: hosts grouped by state with a sparkline each, and one host's day.</summary>
public sealed class FleetPageTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheFleetPageGroupsHostsByStateAndTheHostPageChartsItsDayWithItsAnomalies()
    {
        await using var server = await RunningServer.EmptyAsync();
        var fleet = await HostsApiTests.ScoredFleetAsync(server);
        var newcomer = fleet.Hosts[^1].Name;
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text + " " + m.Location); };

        await page.GotoAsync(new Uri(server.BaseAddress, "fleet.html").ToString());
        await page.WaitForSelectorAsync("#message:has-text('API key')");
        await page.FillAsync("#api-key", server.Key);
        await page.PressAsync("#api-key", "Enter");
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        Assert.Equal(["app04"], await page.Locator(".group.anomalous a.host").EvaluateAllAsync<string[]>("links => links.map(l => l.dataset.host)"));
        Assert.Equal([newcomer], await page.Locator(".group.learning a.host").EvaluateAllAsync<string[]>("links => links.map(l => l.dataset.host)"));
        Assert.Contains("learning (72 of 168 hours)", await page.Locator(".group.learning").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(fleet.Hosts.Count - 2, await page.Locator(".group.ok a.host").CountAsync());
        Assert.Equal(fleet.Hosts.Count - 1, await page.Locator("a.host svg.spark polyline").CountAsync());
        var groups = await page.Locator(".group").EvaluateAllAsync<string[]>("groups => groups.map(g => g.dataset.state)");
        Assert.Equal(["anomalous", "learning", "ok"], groups);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory(), "fleet.png"), FullPage = true });

        await page.ClickAsync(".group.anomalous a.host");
        await page.WaitForSelectorAsync("#host:not([hidden]) #host-chart g.hour");
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        var expected = (await server.GetJsonAsync("/anomalies?host=app04")).GetArrayLength();
        Assert.Equal("app04", await page.Locator("#host-name").InnerTextAsync());
        Assert.Equal("anomalous", await page.Locator("#host-state").InnerTextAsync());
        Assert.Equal(24, await page.Locator("#host-chart g.hour").CountAsync());
        Assert.Equal(expected, await page.Locator("#host-chart g.hour.anomalous").CountAsync());
        Assert.Equal(expected, await page.Locator("#host-anomalies li.anomaly").CountAsync());
        Assert.Contains("syslog", await page.Locator("#host-anomalies").InnerTextAsync(), StringComparison.Ordinal);
        await page.ScreenshotAsync(new() { Path = Path.Combine(Chromium.ArtifactsDirectory(), "fleet-host.png"), FullPage = true });

        // A flagged hour called a false alarm from a host's page is that host's false alarm (only its scopes learn it).
        var flagged = (await page.Locator("#host-anomalies li.anomaly .when").First.InnerTextAsync()).Split(" UTC")[0];
        await page.Locator("#host-anomalies li.anomaly button.feedback").First.ClickAsync();
        await page.Locator("#host-anomalies li.anomaly .feedback.done").First.WaitForAsync();
        var feedback = Assert.Single((await server.GetJsonAsync("/feedback")).EnumerateArray());
        Assert.Equal((flagged, "app04"), (feedback.GetProperty("hour_timestamp").GetString(), feedback.GetProperty("host").GetString()));
        Assert.True(consoleErrors.TrueForAll(e => e.Contains("401", StringComparison.Ordinal)), string.Join("\n", consoleErrors));
    }

    [Fact]
    public async Task MaintenanceStartedFromAHostPageSilencesThatHostOnlyAndCanBeEnded()
    {
        await using var server = await RunningServer.EmptyAsync();
        await HostsApiTests.ScoredFleetAsync(server);
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        await page.GotoAsync(new Uri(server.BaseAddress, "fleet.html?host=app04").ToString());
        await page.WaitForSelectorAsync("#message:has-text('API key')");
        await page.FillAsync("#api-key", server.Key);
        await page.PressAsync("#api-key", "Enter");
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        Assert.Contains("No maintenance window", await page.Locator("#host-maintenance").InnerTextAsync(), StringComparison.Ordinal);

        // The reason is shown as text: markup in it must not become an element.
        await page.SelectOptionAsync("#maintenance-hours", "2");
        await page.FillAsync("#maintenance-reason", "kernel patch <img src=x id=injected>");
        var before = DateTimeOffset.UtcNow;
        await page.ClickAsync("#maintenance-form button");
        await page.WaitForSelectorAsync("#host-maintenance li.window");

        var window = Assert.Single((await server.GetJsonAsync("/maintenance")).EnumerateArray());
        Assert.Equal("app04", window.GetProperty("host").GetString());
        Assert.Equal("kernel patch <img src=x id=injected>", window.GetProperty("reason").GetString());
        var from = window.GetProperty("from").GetDateTimeOffset();
        var to = window.GetProperty("to").GetDateTimeOffset();
        Assert.InRange(from, before.AddMinutes(-1), DateTimeOffset.UtcNow.AddMinutes(1));
        Assert.Equal(TimeSpan.FromHours(2), to - from);
        Assert.Contains("kernel patch <img", await page.Locator("#host-maintenance li.window").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(0, await page.Locator("#injected").CountAsync());

        await page.ClickAsync("#host-maintenance li.window button.remove");
        await page.WaitForSelectorAsync("#host-maintenance:has-text('No maintenance window')");
        Assert.Equal(0, (await server.GetJsonAsync("/maintenance")).GetArrayLength());
    }
}
