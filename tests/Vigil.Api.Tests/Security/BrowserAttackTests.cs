using Microsoft.Playwright;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Security;

/// <summary>The attacks of a web page on another site, played in a real Chromium against a real server.</summary>
public sealed class BrowserAttackTests
{
    private const string Attacker = "attacker.test";

    private const string NoPrivateNetworkChecks =
        "--disable-features=PrivateNetworkAccessSendPreflights,PrivateNetworkAccessRespectPreflightResults,BlockInsecurePrivateNetworkRequests,LocalNetworkAccessChecks";

    [Fact]
    public async Task APageOnAnotherSiteCannotStartARun()
    {
        await using var server = await RunningServer.EmptyAsync();
        var (playwright, browser) = await Chromium.LaunchAsync(NoPrivateNetworkChecks);
        try
        {
            var page = await browser.NewPageAsync();
            await page.RouteAsync($"http://{Attacker}/**", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<!doctype html><title>cats</title>" }));
            await page.GotoAsync($"http://{Attacker}/");

            // What a malicious page can send without a preflight: no-cors POSTs, bodiless or as a "simple" text body.
            await page.EvaluateAsync($$"""
                async () => {
                  const target = "{{server.BaseAddress}}setup?wait=false";
                  for (const init of [{}, { body: "{}" }, { body: "{}", headers: { "Content-Type": "text/plain" } }]) {
                    try { await fetch(target, { method: "POST", mode: "no-cors", ...init }); } catch (e) { }
                  }
                }
                """);

            Assert.Empty((await server.GetJsonAsync("/runs")).EnumerateArray());
            Assert.Empty((await server.GetJsonAsync("/status")).GetProperty("running_job_id").ToString());
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }

    [Fact]
    public async Task ADnsRebindingPageCannotReadTheData()
    {
        await using var server = await RunningServer.TrainedAsync();
        var port = server.BaseAddress.Port;

        // The attacker's name now resolves to 127.0.0.1, as after a rebinding: the page's origin is the server's address.
        // Chromium's own private-network checks are off: Firefox and Safari have none, and the server must hold alone.
        var (playwright, browser) = await Chromium.LaunchAsync($"--host-resolver-rules=MAP {Attacker} 127.0.0.1", NoPrivateNetworkChecks);
        try
        {
            var page = await browser.NewPageAsync();
            await page.RouteAsync($"http://{Attacker}:{port}/", route => route.FulfillAsync(new RouteFulfillOptions { ContentType = "text/html", Body = "<!doctype html><title>cats</title>" }));
            await page.GotoAsync($"http://{Attacker}:{port}/");

            var results = await page.EvaluateAsync<string[]>("""
                async () => Promise.all(["/status", "/hours", "/anomalies", "/runs"].map(async path => {
                  const response = await fetch(path);
                  return response.status + " " + await response.text();
                }))
                """);

            Assert.Equal(4, results.Length);
            Assert.All(results, r =>
            {
                Assert.StartsWith("400 ", r, StringComparison.Ordinal);
                Assert.DoesNotContain("hour_timestamp", r, StringComparison.Ordinal);
                Assert.DoesNotContain("model_exists", r, StringComparison.Ordinal);
            });
        }
        finally
        {
            await browser.DisposeAsync();
            playwright.Dispose();
        }
    }
}
