using System.CommandLine;
using Vigil.Alerts.Delivery;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Alert;

/// <summary><c>vigil alert test</c>: sends a sample alert to the enabled channels (or to one) right now, not through the outbox.</summary>
internal static class AlertTestCommand
{
    // An operator waiting at the prompt wants a verdict quickly, not the patient retries of the outbox.
    private static readonly DeliveryRetryOptions Impatient = new() { MaxRetries = 1, BaseDelay = TimeSpan.FromSeconds(1), AttemptTimeout = TimeSpan.FromSeconds(20) };

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var channel = new Option<string?>("--channel") { Description = "Only this channel (email, slack or webhook), even when it is not enabled" };
        channel.AcceptOnlyFromAmong([.. AlertSetup.ChannelNames]);
        var json = CommonOptions.Json();
        var command = new Command("test", "Send a sample alert to the enabled channels (or to --channel) and report each outcome") { config, channel, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var settings = ConfigLoader.Load(result.GetValue(config));
            using var channels = AlertSetup.Channels(settings, result.GetValue(channel), Impatient);
            if (channels.All.Count == 0)
            {
                Console.Error.WriteLine("No alert channel is enabled: set [alerts] enable_email_notifications (or _slack_, _webhook_) = True, or pass --channel.");
                return CommandRunner.Failed;
            }

            var alert = AlertTester.SampleAlert(Environment.MachineName, DateTime.UtcNow, settings.Alerts.PublicUrl);
            var results = await AlertTester.SendAsync(channels.All, alert, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                JsonOutput.Write(results.Select(r => new { channel = r.Channel, delivered = r.Delivered, error = r.Error }));
            }
            else
            {
                foreach (var r in results)
                {
                    Console.WriteLine(r.Delivered ? $"{r.Channel}: delivered" : $"{r.Channel}: FAILED - {r.Error}");
                }
            }

            return results.All(r => r.Delivered) ? CommandRunner.Ok : CommandRunner.Failed;
        }));
        return command;
    }
}
