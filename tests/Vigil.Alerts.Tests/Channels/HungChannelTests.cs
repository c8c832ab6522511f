using System.Net;
using System.Net.Sockets;
using Vigil.Alerts.Channels.Email;
using Vigil.Alerts.Delivery;
using Vigil.Alerts.Tests.Support;

namespace Vigil.Alerts.Tests.Channels;

public sealed class HungChannelTests
{
    [Fact]
    public async Task AnSmtpServerThatAcceptsAndNeverAnswersIsGivenUpOnWithinTheSendBudget()
    {
        // Accepts the connection and says nothing: MailKit's own per-read timeout (an hour here) would wait it out.
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        var port = ((IPEndPoint)listener.LocalEndpoint).Port;
        var accepted = new System.Collections.Concurrent.ConcurrentBag<Socket>();
        _ = Task.Run(async () =>
        {
            try
            {
                while (true)
                {
                    accepted.Add(await listener.AcceptSocketAsync());
                }
            }
            catch (ObjectDisposedException)
            {
                // The test is over.
            }
            catch (SocketException)
            {
                // The test is over.
            }
        });
        var retry = Some.FastRetry with { AttemptTimeout = TimeSpan.FromHours(1), SendTimeout = TimeSpan.FromSeconds(1) };
        var channel = new SmtpAlertChannel(new EmailOptions("127.0.0.1", port, "vigil@example.test", null, "ops@example.test", SmtpSecurity.None), retry);

        var send = channel.SendAsync(Some.Alert(), CancellationToken.None);
        var finished = await Task.WhenAny(send, Task.Delay(TimeSpan.FromMinutes(2)));

        Assert.Same(send, finished);
        var error = await Assert.ThrowsAsync<AlertDeliveryException>(() => send);
        Assert.Contains($"127.0.0.1:{port} did not complete", error.Message, StringComparison.Ordinal);
        Assert.True(error.IsTransient);
        foreach (var socket in accepted)
        {
            socket.Dispose();
        }
    }

    [Fact]
    public void ByDefaultASendGivesUpAfter40SecondsAndAnAttemptAfter15()
    {
        var defaults = new DeliveryRetryOptions();

        Assert.Equal((TimeSpan.FromSeconds(40), TimeSpan.FromSeconds(15)), (defaults.SendTimeout, defaults.AttemptTimeout));
    }
}
