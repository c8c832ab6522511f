using System.Text.Json;
using Vigil.Alerts.Channels.Slack;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Channels;

public sealed class SlackAlertChannelTests
{
    private const string HookPath = "/services/T000/B000/XXXXsecretXXXX";

    [Fact]
    public async Task SlackGetsABlockKitMessageWithTheHoursTheirReasonsAndADashboardButton()
    {
        await using var server = await HttpTestServer.StartAsync();
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var channel = new SlackAlertChannel(new SlackOptions(server.BaseUrl + HookPath), http);

        await channel.SendAsync(Some.Alert(Some.Anomaly(10, "error_count 120 vs usual 3", "second", "third", "fourth", "fifth", "sixth")), CancellationToken.None);

        var request = Assert.Single(server.Received);
        Assert.Equal(HookPath, request.PathAndQuery);
        using var json = JsonDocument.Parse(request.Body);
        var blocks = json.RootElement.GetProperty("blocks").EnumerateArray().ToList();
        Assert.Equal("header", blocks[0].GetProperty("type").GetString());
        Assert.Equal("[Vigil] 1 anomalous hour on web-01 (evtx:/var/log/System.evtx)", blocks[0].GetProperty("text").GetProperty("text").GetString());
        Assert.Contains(blocks, b => b.GetProperty("type").GetString() == "section" && b.GetProperty("text").GetProperty("text").GetString()!.Contains("2025-03-14 10:00:00 UTC: 400 events, 120 errors", StringComparison.Ordinal));
        var reasons = blocks.Single(b => b.GetProperty("type").GetString() == "context").GetProperty("elements").EnumerateArray().Select(e => e.GetProperty("text").GetString()).ToList();
        Assert.Equal(["• error_count 120 vs usual 3", "• second", "• third", "• fourth", "_and 2 more reasons on the dashboard_"], reasons);
        var button = blocks.Single(b => b.GetProperty("type").GetString() == "actions").GetProperty("elements")[0];
        Assert.Equal("https://vigil.example.test/dashboard", button.GetProperty("url").GetString());
    }

    [Fact]
    public async Task ARejectionNamesTheStatusAndBodyButNeverTheWebhookPath()
    {
        await using var server = await HttpTestServer.StartAsync();
        server.Then(404, $"no_team for {HookPath}");
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var channel = new SlackAlertChannel(new SlackOptions(server.BaseUrl + HookPath), http);

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => channel.SendAsync(Some.Alert(), CancellationToken.None));

        Assert.Contains("HTTP 404", error.Message, StringComparison.Ordinal);
        Assert.Contains("no_team", error.Message, StringComparison.Ordinal);
        Assert.Contains(server.BaseUrl + "/***", error.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("XXXXsecretXXXX", error.ToString(), StringComparison.Ordinal);
        Assert.False(error.IsTransient);
        Assert.Single(server.Received);
    }
}
