using Vigil.Alerts.Channels.Webhook;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Channels;

public sealed class HttpSecretsTests
{
    private const string User = "alice";
    private const string Password = "pa55-w0rd-e81";
    private const string Token = "tok3nXYZ1234";

    [Theory]
    [InlineData("only the token: " + Token)]
    [InlineData("only the path: /hooks/" + Token)]
    [InlineData("only the user info: " + User + ":" + Password)]
    [InlineData("only the password: " + Password)]
    public async Task AServerThatEchoesPartOfTheUrlDoesNotLeakItIntoTheError(string body)
    {
        await using var server = await HttpTestServer.StartAsync();
        server.Then(400, body);
        using var http = DeliveryPipelines.HttpClient(Some.FastRetry);
        var url = server.BaseUrl.Replace("http://", $"http://{User}:{Password}@", StringComparison.Ordinal) + "/hooks/" + Token;
        var channel = new WebhookAlertChannel(new WebhookOptions(url), http);

        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => channel.SendAsync(Some.Alert(), CancellationToken.None));

        Assert.Contains("HTTP 400", error.Message, StringComparison.Ordinal);
        Assert.Contains("only the", error.Message, StringComparison.Ordinal);
        foreach (var secret in new[] { Token, Password, User + ":" })
        {
            Assert.DoesNotContain(secret, error.ToString(), StringComparison.Ordinal);
        }
    }
}
