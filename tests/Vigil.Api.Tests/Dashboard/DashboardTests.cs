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
        await page.SetViewportSizeAsync(1280, 900);

        await page.GotoAsync(server.BaseAddress.ToString());
        await page.WaitForSelectorAsync("body[data-loaded=true]");

        Assert.Equal(168, await page.Locator("#chart g.hour").CountAsync());
        Assert.Equal(expectedAnomalies, await page.Locator("#chart .anomaly-marker").CountAsync());
        Assert.Equal(expectedAnomalies, await page.Locator("#anomalies li.anomaly").CountAsync());
        var listed = await page.Locator("#anomalies").InnerTextAsync();
        Assert.All(DemoScenario.IncidentHours, h => Assert.Contains(HourlySummary.FormatHour(h), listed, StringComparison.Ordinal));
        Assert.Contains("vigil", await page.Locator("#status").InnerTextAsync(), StringComparison.Ordinal);
        Assert.Equal(2, await page.Locator("#runs tr.run").CountAsync());
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(Chromium.ArtifactsDirectory(), "dashboard.png"), FullPage = true });

        await page.ClickAsync("#detect");
        await page.WaitForSelectorAsync("#message:has-text('Detection done')");
        await page.WaitForFunctionAsync("document.querySelectorAll('#runs tr.run').length === 3");

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
        Assert.Equal(key, await page.EvaluateAsync<string>("localStorage.getItem('vigil.apiKey')"));
    }
}
