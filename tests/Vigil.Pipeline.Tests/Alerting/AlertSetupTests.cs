using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Tests.Alerting;

public sealed class AlertSetupTests
{
    private static readonly VigilConfig Defaults = ConfigLoader.Defaults();

    [Fact]
    public void OnlyTheEnabledChannelsAreBuilt()
    {
        var config = Defaults with
        {
            Alerts = Defaults.Alerts with { EnableSlack = true, EnableWebhook = true },
            Slack = new SlackSettings("https://hooks.slack.com/services/T/B/x"),
            Webhook = new WebhookSettings("https://example.test/hook", "s"),
        };

        using var channels = AlertSetup.Channels(config);

        Assert.Equal(["slack", "webhook"], channels.Names);
    }

    [Fact]
    public void AChannelCanBeTestedBeforeItIsEnabled()
    {
        var config = Defaults with { Email = new EmailSettings("127.0.0.1", 587, "vigil@example.test", null, "ops@example.test", "auto") };

        using var channels = AlertSetup.Channels(config, only: "email");

        Assert.Equal(["email"], channels.Names);
        Assert.Empty(AlertSetup.Channels(config).All);
    }

    [Theory]
    [InlineData("slack", "[slack] webhook_url is empty, but alerts are to be sent there")]
    [InlineData("webhook", "[webhook] url is empty, but alerts are to be sent there")]
    [InlineData("email", "[email] sender_email is empty, but alerts are to be sent there")]
    [InlineData("pager", "unknown alert channel 'pager' (expected email, slack, webhook)")]
    public void AChannelWithoutItsSettingsStopsWithOneLineNamingSectionAndKey(string channel, string expected)
    {
        var error = Assert.Throws<ConfigException>(() => AlertSetup.Channels(Defaults, only: channel));

        Assert.Equal(expected, error.Message);
    }
}
