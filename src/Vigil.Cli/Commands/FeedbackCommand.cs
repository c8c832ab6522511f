using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil feedback "YYYY-MM-DD HH:00:00" --false-alarm [--note TEXT]</c>: the operator's word on a page, stored;
/// the hour joins the baseline at the next <c>vigil setup</c>.
/// </summary>
internal static class FeedbackCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var hour = new Argument<string>("hour") { Description = "The hour as verdicts show it, e.g. \"2026-02-16 14:00:00\" (UTC)" };
        var falseAlarm = new Option<bool>("--false-alarm") { Description = "The hour was normal: learn it as normal at the next setup" };
        var note = new Option<string?>("--note") { Description = "Why, for whoever reads the feedback later" };
        var json = CommonOptions.Json();
        var command = new Command("feedback", "Tell Vigil a flagged hour was a false alarm") { config, hour, falseAlarm, note, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            if (!result.GetValue(falseAlarm))
            {
                throw new PipelineException("feedback: say what the hour was; --false-alarm is the feedback Vigil takes");
            }

            using var actions = new OperatorActions(ConfigLoader.Load(result.GetValue(config)));
            var stored = await actions.AddFalseAlarmAsync(result.GetValue(hour)!, result.GetValue(note), cancellationToken).ConfigureAwait(false);
            var text = Core.Windows.HourlySummary.FormatHour(stored);
            if (result.GetValue(json))
            {
                JsonOutput.Write(new { hour_timestamp = text, false_alarm = true, note = result.GetValue(note) });
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
