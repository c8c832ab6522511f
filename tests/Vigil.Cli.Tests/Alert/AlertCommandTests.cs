using System.Net;
using System.Net.Sockets;
using Vigil.Cli.Tests.Support;

namespace Vigil.Cli.Tests.Alert;

public sealed class AlertCommandTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("vigil-alert-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    [Fact]
    public async Task AlertTestWithNoChannelEnabledSaysHowToEnableOneAndExits2()
    {
        var result = await VigilProcess.RunAsync(_dir, "alert", "test");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains("enable_email_notifications", result.Error);
    }

    [Fact]
    public async Task AlertTestToAWebhookThatIsDownNamesTheFailureButNeitherItsPathNorSecret()
    {
        int port;
        using (var listener = new TcpListener(IPAddress.Loopback, 0))
        {
            listener.Start();
            port = ((IPEndPoint)listener.LocalEndpoint).Port;
        }

        Directory.CreateDirectory(Path.Combine(_dir, "config"));
        File.WriteAllText(
            Path.Combine(_dir, "config", "config.ini"),
            $"[webhook]\nurl = http://127.0.0.1:{port}/hooks/PATH-TOKEN-42\nsecret = SECRET-43\n");

        var result = await VigilProcess.RunAsync(_dir, "alert", "test", "--channel", "webhook");

        Assert.Equal(2, result.ExitCode);
        Assert.Contains($"webhook: FAILED - webhook: POST http://127.0.0.1:{port}/*** failed: cannot connect", result.Out);
        Assert.DoesNotContain("PATH-TOKEN-42", result.Out + result.Error);
        Assert.DoesNotContain("SECRET-43", result.Out + result.Error);
    }

    [Fact]
    public async Task RetryingAnAlertThatIsNotInTheOutboxIsOneLineAndExit2()
    {
        var result = await VigilProcess.RunAsync(_dir, "alert", "retry", "42");

        Assert.Equal(2, result.ExitCode);
        Assert.Equal("there is no alert #42 in the outbox; 'vigil alert list --status failed' shows those that can be retried", result.Error.Trim().Split(": ", 2)[^1]);
        Assert.DoesNotContain('\n', result.Error.Trim());
    }

    [Fact]
    public async Task AlertListOnAFreshStoreListsNothing()
    {
        var table = await VigilProcess.RunAsync(_dir, "alert", "list");
        var json = await VigilProcess.RunAsync(_dir, "alert", "list", "--status", "pending", "--json");

        Assert.Equal((0, "No alerts."), (table.ExitCode, table.Out.Trim()));
        Assert.Equal((0, "[]"), (json.ExitCode, json.Out.Trim()));
    }
}
