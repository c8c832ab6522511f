using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Configuration;

public sealed class UrlSettingsTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-config-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Theory]
    [InlineData("[slack]\nwebhook_url = hooks.slack.com/services/T0/B0/secret-abc", "[slack] webhook_url is not an http:// or https:// URL")]
    [InlineData("[slack]\nwebhook_url = javascript:secret-abc", "[slack] webhook_url is not an http:// or https:// URL")]
    [InlineData("[webhook]\nurl = ftp://example.test/secret-abc", "[webhook] url is not an http:// or https:// URL")]
    [InlineData("[webhook]\nurl = http//example.test/secret-abc", "[webhook] url is not an http:// or https:// URL")]
    public void AMalformedSecretUrlStopsTheLoadWithoutQuotingIt(string ini, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Ini(ini)));

        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("secret-abc", error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("javascript:alert(1)")]
    [InlineData("vigil.example.test/dashboard")]
    public void APublicUrlMustBeHttpOrHttps(string url)
    {
        var error = Assert.Throws<ConfigException>(() => ConfigLoader.Load(Ini($"[alerts]\npublic_url = {url}")));

        Assert.Contains($"[alerts] public_url = '{url}' is not an http:// or https:// URL", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void WellFormedUrlsLoad()
    {
        var config = ConfigLoader.Load(Ini("[slack]\nwebhook_url = https://hooks.slack.com/services/T0/B0/x\n[webhook]\nurl = http://127.0.0.1:9000/hook\n[alerts]\npublic_url = https://vigil.example.test/"));

        Assert.Equal("https://hooks.slack.com/services/T0/B0/x", config.Slack.WebhookUrl);
        Assert.Equal("http://127.0.0.1:9000/hook", config.Webhook.Url);
        Assert.Equal("https://vigil.example.test/", config.Alerts.PublicUrl);
    }

    private string Ini(string text)
    {
        var path = Path.Combine(_dir, "config.ini");
        File.WriteAllText(path, text);
        return path;
    }
}
