using Microsoft.Playwright;
using Vigil.Api.Tests.Support;
using Vigil.Collectors.Demo;
using Vigil.Core.Windows;

namespace Vigil.Api.Tests.Dashboard;

public sealed class DashboardTests(BrowserFixture chromium) : IClassFixture<BrowserFixture>
{
    [Fact]
    public async Task TheDashboardChartsTheWeekListsTheAnomaliesAndRunsDetection()
    {
        await using var server = await RunningServer.TrainedAsync();
        var expectedAnomalies = (await server.GetJsonAsync("/anomalies")).GetArrayLength();
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();
        var consoleErrors = new List<string>();
        page.Console += (_, m) => { if (m.Type == "error") consoleErrors.Add(m.Text); };
        await page.SetViewportSizeAsync(1280, 900);

        // The link vigil serve prints on first start: the generated key travels in the fragment, never to a server.
        await page.GotoAsync(server.BaseAddress + "#key=" + server.Key);
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        Assert.Equal(string.Empty, await page.EvaluateAsync<string>("location.hash"));
        Assert.Equal(server.Key, await page.EvaluateAsync<string>("sessionStorage.getItem('vigil.apiKey')"));
        Assert.DoesNotContain(consoleErrors, e => e.Contains("Content Security Policy", StringComparison.Ordinal));

        Assert.Equal(168, await page.Locator("#chart g.hour").CountAsync());
        Assert.Equal(expectedAnomalies, await page.Locator("#chart .anomaly-marker").CountAsync());
        Assert.Equal(expectedAnomalies, await page.Locator("#anomalies li.anomaly").CountAsync());
        var listed = await page.Locator("#anomalies").InnerTextAsync();
        Assert.All(DemoScenario.IncidentHours, h => Assert.Contains(HourlySummary.FormatHour(h), listed, StringComparison.Ordinal));
        Assert.Contains("vigil", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        // Reasons read as a short list in the operator's words; feature names and spreads wait behind "details".
        var reasons = await page.Locator("#anomalies li.anomaly .reason-list").AllInnerTextsAsync();
        Assert.Equal(expectedAnomalies, reasons.Count);
        Assert.All(reasons, r => Assert.DoesNotContain("spreads", r, StringComparison.Ordinal));
        Assert.All(reasons, r => Assert.InRange(r.Split('\n', StringSplitOptions.RemoveEmptyEntries).Length, 1, 4));
        Assert.Contains("spreads from training", await page.Locator("#anomalies li.anomaly details.reason-details").First.TextContentAsync() ?? string.Empty, StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#runs tr.run").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtifactsDirectory(), "dashboard.png"), FullPage = true });

        // A flagged hour called a false alarm from the page is stored as vigil feedback --false-alarm stores it.
        var flagged = await page.Locator("#anomalies li.anomaly .when").First.InnerTextAsync();
        await page.Locator("#anomalies li.anomaly button.feedback").First.ClickAsync();
        await page.Locator("#anomalies li.anomaly .feedback.done").First.WaitForAsync();
        var feedback = await server.GetJsonAsync("/feedback");
        Assert.Equal(flagged.Replace(" UTC", string.Empty, StringComparison.Ordinal), Assert.Single(feedback.EnumerateArray()).GetProperty("hour_timestamp").GetString());
        Assert.Empty(await page.Locator("#chart .maintenance").AllAsync());

        // Hours inside a maintenance window are shaded once detection has scored them.
        using (var window = await server.PostJsonAsync("/maintenance", """{"from":"2000-01-01T00:00:00Z","to":"2100-01-01T00:00:00Z","reason":"patching"}"""))
        {
            Assert.Equal(System.Net.HttpStatusCode.Created, window.StatusCode);
        }

        await page.ClickAsync("#detect");
        await page.WaitForSelectorAsync("#message:has-text('Detection done')");
        // A locator, not a string predicate: the CSP forbids the eval Playwright would poll it with.
        await page.Locator("#runs tr.run").Nth(2).WaitForAsync();
        await page.Locator("#chart .maintenance").First.WaitForAsync();
        Assert.Contains("marked as a false alarm", await page.Locator("#anomalies").InnerTextAsync(), StringComparison.Ordinal);

        await page.SetViewportSizeAsync(390, 844);
        await page.WaitForTimeoutAsync(100);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtifactsDirectory(), "dashboard-phone.png"), FullPage = true });
        var width = await page.EvaluateAsync<int>("document.documentElement.scrollWidth");
        Assert.True(width <= 390, $"the page is {width}px wide on a 390px phone");
    }

    [Fact]
    public async Task WithAKeyConfiguredThePageAsksForItAndUsesIt()
    {
        const string key = "dashboard-key-51";
        await using var server = await RunningServer.TrainedAsync(c => c with { Api = c.Api with { ApiKey = key } });
        await using var context = await chromium.Browser.NewContextAsync();
        var page = await context.NewPageAsync();

        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForSelectorAsync("#message:has-text('API key')");
        await page.FillAsync("#api-key", key);
        await page.PressAsync("#api-key", "Enter");
        await page.WaitForSelectorAsync("body[data-loaded=true]");
        await page.ClickAsync("#detect");
        await page.WaitForSelectorAsync("#message:has-text('Detection done')");

        Assert.Equal(168, await page.Locator("#chart g.hour").CountAsync());
        Assert.Equal(key, await page.EvaluateAsync<string>("sessionStorage.getItem('vigil.apiKey')"));
        Assert.Null(await page.EvaluateAsync<string?>("localStorage.getItem('vigil.apiKey')"));
    }
}
