using Vigil.Alerts.Formatting;

namespace Vigil.Alerts.Tests.Formatting;

public sealed class RedactionTests
{
    [Theory]
    [InlineData("https://hooks.slack.com/services/T0/B0/abc", "https://hooks.slack.com/***")]
    [InlineData("https://example.test:8443/hook?token=abc", "https://example.test:8443/***")]
    [InlineData("https://example.test", "https://example.test")]
    [InlineData("not a url", "(an invalid URL)")]
    [InlineData("http://alice:pass-word@hooks.example.test/", "http://hooks.example.test/***")]
    [InlineData("http://alice@hooks.example.test:8080/x", "http://hooks.example.test:8080/***")]
    public void AUrlKeepsOnlyItsSchemeHostAndPort(string url, string shown)
    {
        Assert.Equal(shown, Redaction.Url(url));
    }

    [Fact]
    public void EverySecretIsScrubbedFromAMessage()
    {
        Assert.Equal("login *** failed for ***", Redaction.Scrub("login pw1 failed for tok2", "pw1", null, "tok2"));
    }
}
