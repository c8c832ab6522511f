using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil feedback "YYYY-MM-DD HH:00:00" --false-alarm [--host NAME] [--note TEXT]</c>: the operator's word on a
/// page, stored; the hour joins the baseline at the next <c>vigil setup</c> — of that host's scopes only when a host is
/// named (a fleet), of every scope when not.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var hour = new Argument<string>("hour") { Description = "The hour as verdicts show it, e.g. \"2026-02-16 14:00:00\" (UTC)" };
        var falseAlarm = new Option<bool>("--false-alarm") { Description = "The hour was normal: learn it as normal at the next setup" };
        var host = new Option<string?>("--host") { Description = "The host whose page it was (a fleet): only its scopes learn the hour; none = every scope" };
        var note = new Option<string?>("--note") { Description = "Why, for whoever reads the feedback later" };
        var json = CommonOptions.Json();
        var command = new Command("feedback", "Tell Vigil a flagged hour was a false alarm") { config, hour, falseAlarm, host, note, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            if (!result.GetValue(falseAlarm))
            {
                throw new PipelineException("feedback: say what the hour was; --false-alarm is the feedback Vigil takes");
            }

            // Naming a host needs the store, to refuse a host it has no events from (a misspelt name).
            var loaded = ConfigLoader.Load(result.GetValue(config));
            using var context = result.GetValue(host) is { } named && !string.IsNullOrWhiteSpace(named) ? new VigilContext(loaded) : null;
            using var actions = context is null ? new OperatorActions(loaded) : new OperatorActions(context);
            var stored = await actions.AddFalseAlarmAsync(result.GetValue(hour)!, result.GetValue(host), result.GetValue(note), cancellationToken).ConfigureAwait(false);
            var text = Core.Windows.HourlySummary.FormatHour(stored.Hour);
            if (result.GetValue(json))
            {
                JsonOutput.Write(new { hour_timestamp = text, host = stored.Host, false_alarm = true, note = result.GetValue(note) });
            }
            else if (stored.Host is { } name)
            {
                Console.WriteLine($"{text} on {name} recorded as a false alarm: it joins {name}'s baseline at its next training.");
            }
            else
            {
                Console.WriteLine($"{text} recorded as a false alarm: it joins the baseline at the next 'vigil setup'.");
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
