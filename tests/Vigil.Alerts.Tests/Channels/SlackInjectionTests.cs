using System.Text.Json;
using Vigil.Alerts.Channels.Slack;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Channels;

public sealed class SlackInjectionTests
{
    private const string Payload = "<!channel> <https://evil.example/login|Vigil: sign in again> & <@U024BE7LH>";

    [Fact]
    public async Task TextFromTheLogsNeitherPingsNorHidesALinkInSlack()
    {
        await using var server = await HttpTestServer.StartAsync();
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var channel = new SlackAlertChannel(new SlackOptions(server.BaseUrl + "/services/T0/B0/secret-token"), http);
        var alert = new Alert("file:" + Payload, "host " + Payload, [Some.Anomaly(10, "provider " + Payload)], Some.Day.AddHours(12)) { IncidentId = "2025031410-abcdef" };

        await channel.SendAsync(alert, CancellationToken.None);

        using var json = JsonDocument.Parse(Assert.Single(server.Received).Body);
        var parsed = ParsedTexts(json.RootElement).ToList();
        Assert.Contains(parsed, t => t.Contains("&lt;!channel&gt; &lt;https://evil.example/login|Vigil: sign in again&gt; &amp; &lt;@U024BE7LH&gt;", StringComparison.Ordinal));
        Assert.All(parsed, t =>
        {
            Assert.DoesNotContain("<!channel>", t, StringComparison.Ordinal);
            Assert.DoesNotContain("<https://", t, StringComparison.Ordinal);
            Assert.DoesNotContain("<@", t, StringComparison.Ordinal);
        });
        Assert.Contains(parsed, t => t.StartsWith("• provider", StringComparison.Ordinal));
    }

    /// <summary>The texts Slack parses for mentions and links: every mrkdwn object and the top-level text.</summary>
    private static IEnumerable<string> ParsedTexts(JsonElement element)
    {
        if (element.ValueKind == JsonValueKind.Object)
        {
            if (element.TryGetProperty("type", out var type) && type.GetString() == "mrkdwn")
            {
                yield return element.GetProperty("text").GetString()!;
            }
            else if (element.TryGetProperty("text", out var text) && text.ValueKind == JsonValueKind.String && !element.TryGetProperty("type", out _))
            {
                yield return text.GetString()!;
            }

            foreach (var child in element.EnumerateObject().SelectMany(p => ParsedTexts(p.Value)))
            {
                yield return child;
            }
        }
        else if (element.ValueKind == JsonValueKind.Array)
        {
            foreach (var child in element.EnumerateArray().SelectMany(ParsedTexts))
            {
                yield return child;
            }
        }
    }
}
