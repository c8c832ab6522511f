using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Vigil.Alerts.Channels.Webhook;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Channels;

public sealed class WebhookAlertChannelTests
{
    private const string Secret = "whsec-0123456789";

    [Fact]
    public async Task TheBodyCarriesTheDetectionsAndIsSignedWithTheHmacOfItsExactBytes()
    {
        await using var server = await HttpTestServer.StartAsync();
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var channel = new WebhookAlertChannel(new WebhookOptions(server.BaseUrl + "/hook", Secret), http);

        await channel.SendAsync(Some.Alert(Some.Anomaly(10, "error_count 120 vs usual 3"), Some.Anomaly(11)), CancellationToken.None);

        var request = Assert.Single(server.Received);
        var expected = "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(Secret), Encoding.UTF8.GetBytes(request.Body)));
        Assert.Equal(expected, request.Headers["X-Vigil-Signature"]);
        using var json = JsonDocument.Parse(request.Body);
        var root = json.RootElement;
        Assert.Equal("web-01", root.GetProperty("host").GetString());
        Assert.Equal("new", root.GetProperty("kind").GetString());
        var first = root.GetProperty("hours")[0];
        Assert.Equal("2025-03-14 10:00:00", first.GetProperty("hour_timestamp").GetString());
        Assert.Equal(120, first.GetProperty("error_count").GetInt32());
        Assert.Equal(0.3, first.GetProperty("error_rate").GetDouble(), 6);
        Assert.Equal(-0.187, first.GetProperty("anomaly_score").GetDouble(), 6);
        Assert.Equal("error_count 120 vs usual 3", first.GetProperty("reasons")[0].GetString());
        Assert.Equal("2025-03-14 11:00:00", root.GetProperty("hours")[1].GetProperty("hour_timestamp").GetString());
    }

    [Fact]
    public async Task AServerErrorIsRetriedAndTheAlertIsDeliveredOnce()
    {
        await using var server = await HttpTestServer.StartAsync();
        server.Then(500, "boom");
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var channel = new WebhookAlertChannel(new WebhookOptions(server.BaseUrl + "/hook", Secret), http);

        await channel.SendAsync(Some.Alert(), CancellationToken.None);

        Assert.Equal(2, server.Received.Count);
        Assert.Equal(server.Received[0].Body, server.Received[1].Body);
    }

    [Fact]
    public async Task TooManyRequestsWaitsAsLongAsRetryAfterAsks()
    {
        await using var server = await HttpTestServer.StartAsync();
        server.Then(429, "slow down", retryAfter: "1");
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry with { MaxDelay = TimeSpan.FromSeconds(5) });
        var channel = new WebhookAlertChannel(new WebhookOptions(server.BaseUrl + "/hook", Secret), http);

        await channel.SendAsync(Some.Alert(), CancellationToken.None);

        Assert.Equal(2, server.Received.Count);

        // The configured backoff is 20 ms: a gap of about a second can only come from Retry-After.
        Assert.True(server.Received[1].ReceivedAt - server.Received[0].ReceivedAt >= TimeSpan.FromMilliseconds(900));
    }

    [Fact]
    public async Task AnErrorThatEchoesTheUrlAndSecretKeepsBothOutOfTheException()
    {
        await using var server = await HttpTestServer.StartAsync();
        const string token = "tok-9f8e7d6c5b";
        foreach (var _ in Enumerable.Range(0, 3))
        {
            server.Then(503, $"unavailable: /hook?token={token} secret={Secret}");
        }

        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var channel = new WebhookAlertChannel(new WebhookOptions($"{server.BaseUrl}/hook?token={token}", Secret), http);

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => channel.SendAsync(Some.Alert(), CancellationToken.None));

        Assert.Contains("HTTP 503", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
        Assert.DoesNotContain(token, error.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain(Secret, error.ToString(), StringComparison.Ordinal);
        Assert.Equal(3, server.Received.Count);
    }
}
