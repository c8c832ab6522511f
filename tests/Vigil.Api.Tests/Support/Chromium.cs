using Microsoft.Playwright;

namespace Vigil.Api.Tests.Support;

/// <summary>Debian's Chromium driven by Playwright's bundled driver; no browser is downloaded.</summary>
public static class Chromium
{
    public const string ExecutablePath = "/usr/bin/chromium";

    private static readonly string[] Args =
        ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <param name="extraArgs">More switches, e.g. <c>--host-resolver-rules</c> to point a made-up domain at 127.0.0.1.</param>
    public static async Task<(IPlaywright Playwright, IBrowser Browser)> LaunchAsync(params string[] extraArgs)
    {
        var playwright = await Playwright.CreateAsync();
        var browser = await playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions { ExecutablePath = ExecutablePath, Headless = true, Args = [.. Args, .. extraArgs] });
        return (playwright, browser);
    }

    /// <summary>The repository's artifacts/ folder , where screenshots go.</summary>
    public static string ArtifactsDirectory()
    {
        var artifacts = Path.Combine(SharedData.RepositoryRoot, "artifacts");
        Directory.CreateDirectory(artifacts);
        return artifacts;
    }
}
