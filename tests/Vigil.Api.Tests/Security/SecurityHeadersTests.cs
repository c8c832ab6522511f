using System.Net;
using System.Text.RegularExpressions;
using Vigil.Api.Tests.Support;

namespace Vigil.Api.Tests.Security;

public sealed partial class SecurityHeadersTests
{
    [Theory]
    [InlineData("/")]
    [InlineData("/app.js")]
    [InlineData("/status")]
    [InlineData("/hours")]
    [InlineData("/health")]
    [InlineData("/no-such-page")]
    public async Task EveryAnswerCarriesTheSecurityHeaders(string path)
    {
        await using var server = await RunningServer.TrainedAsync();

        using var response = await server.Client.GetAsync(path);

        var csp = Header(response, "Content-Security-Policy");
        Assert.Contains("frame-ancestors 'none'", csp, StringComparison.Ordinal);
        Assert.Contains("script-src 'self';", csp, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", csp, StringComparison.Ordinal);
        Assert.Equal("nosniff", Header(response, "X-Content-Type-Options"));
        Assert.Equal("DENY", Header(response, "X-Frame-Options"));
        Assert.Equal("no-referrer", Header(response, "Referrer-Policy"));
        Assert.True(response.Headers.CacheControl?.NoStore, $"{path} may be cached");
        Assert.False(response.Headers.Contains("Server"));
    }

    [Fact]
    public void TheDashboardHasNoInlineScriptOrHandler()
    {
        var html = File.ReadAllText(Path.Combine(SharedData.RepositoryRoot, "src", "Vigil.Api", "wwwroot", "index.html"));

        Assert.DoesNotMatch(InlineScript(), html);
        Assert.DoesNotMatch(InlineHandler(), html);
        Assert.DoesNotContain("style=", html, StringComparison.OrdinalIgnoreCase);
    }

    private static string Header(HttpResponseMessage response, string name) =>
        response.Headers.TryGetValues(name, out var values) ? string.Join(',', values) : throw new Xunit.Sdk.XunitException($"no {name} header on {(int)response.StatusCode}");

    [GeneratedRegex(@"<script(?![^>]*\bsrc=)[^>]*>", RegexOptions.IgnoreCase)]
    private static partial Regex InlineScript();

    [GeneratedRegex(@"\son[a-z]+\s*=", RegexOptions.IgnoreCase)]
    private static partial Regex InlineHandler();
}
