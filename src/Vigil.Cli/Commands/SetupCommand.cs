using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil setup</c>: collect 7 days, train the model, save it under models/.</summary>
internal static class SetupCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var source = CommonOptions.Source();
        var now = CommonOptions.Now();
        var json = CommonOptions.Json();
        var force = new Option<bool>("--force") { Description = "Train even when too few of the 168 hours hold events ([detection] min_training_hours)" };
        var command = new Command("setup", "Collect 7 days (168 hours) of events before now, train the model and save it") { config, source, now, force, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var asJson = result.GetValue(json);
            var request = new RunRequest(result.GetValue(source), result.GetValue(now), Force: result.GetValue(force));
            var setup = await ProgressView.RunAsync(asJson, progress =>
                new SetupService(context).RunAsync(request, progress, CommandRunner.Warn, cancellationToken)).ConfigureAwait(false);
            if (asJson)
            {
                JsonOutput.Write(new
                {
                    message = SetupService.SuccessMessage,
                    model_path = setup.ModelPath,
                    source = setup.Model.Source,
                    training_from = setup.Range.Start,
                    training_to = setup.Range.End,
                    training_hours = setup.Model.TrainingHours,
                    hours_with_events = setup.HoursWithEvents,
                    events = setup.EventsInRange,
                    events_new = setup.Collected.Added,
                });
            }
            else
            {
                Console.WriteLine($"Trained on {setup.Model.TrainingHours} hours ({setup.Range}; {setup.HoursWithEvents} of {setup.Model.TrainingHours} with events), {setup.EventsInRange} events from {setup.Model.Source}; model saved to {setup.ModelPath}");
                Console.WriteLine(SetupService.SuccessMessage);
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
