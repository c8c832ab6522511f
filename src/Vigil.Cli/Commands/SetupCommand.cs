using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Contracts;
using Vigil.Pipeline.Fleet;
using Spectre.Console;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil setup</c>: collect 7 days, train the model, save it under models/.</summary>
internal static class SetupCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var run = new RunRequestFeature();
        var output = new OutputFeature();
        var hosts = new HostsFeature();
        var force = new Option<bool>("--force") { Description = "Train even when too few of the 168 hours hold events ([detection] min_training_hours)" };
        var command = new Command("setup", "Collect 7 days (168 hours) of events before now, train the model and save it") { config, force };
        run.AddTo(command);
        hosts.AddTo(command);
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var request = run.Read(result, force: result.GetValue(force));
            if (hosts.IsSelected(result))
            {
                return await SetupHostsAsync(context, hosts.Host(result), request, output, result, cancellationToken).ConfigureAwait(false);
            }

            var setup = await ProgressView.RunAsync(output.IsJson(result), progress =>
                new SetupService(context).RunAsync(request, progress, CommandRunner.Warn, cancellationToken)).ConfigureAwait(false);
            output.Write(
                result,
                new
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
                },
                () =>
                {
                    Console.WriteLine($"Trained on {setup.Model.TrainingHours} hours ({setup.Range}; {setup.HoursWithEvents} of {setup.Model.TrainingHours} with events), {setup.EventsInRange} events from {setup.Model.Source}; model saved to {setup.ModelPath}");
                    Console.WriteLine(SetupService.SuccessMessage);
                });

            return CommandRunner.Ok;
        }));
        return command;
    }

    /// <summary>
    /// Trains every scope of the host(s) on the week before --now. Under --all-hosts a host short of data is learning,
    /// not an error; a host asked for by name that cannot be trained is (exit 2, with the reason).
    /// </summary>
    private static async Task<int> SetupHostsAsync(VigilContext context, string? host, RunRequest request, OutputFeature output, ParseResult result, CancellationToken cancellationToken)
    {
        var outcomes = await new FleetService(context).SetupAsync(host, request.Now, request.Force, CommandRunner.Warn, cancellationToken).ConfigureAwait(false);
        output.Write(result, outcomes.Select(ScopeOutcomeDto.From), () =>
        {
            FleetTable.Write(AnsiConsole.Console, outcomes);
            var trained = outcomes.Count(o => o.Trained is not null);
            Console.WriteLine($"Trained {trained} of {outcomes.Count} host source{(outcomes.Count == 1 ? string.Empty : "s")}; models saved under {Path.Combine(context.Config.Vigil.ModelsDir, ScopeModelPath.Folder)}");
        });

        var untrained = outcomes.FirstOrDefault(o => o.Trained is null);
        if (host is not null && untrained?.Note is { } why)
        {
            Console.Error.WriteLine(why);
            return CommandRunner.Failed;
        }

        return outcomes.Any(o => o.Error is not null) ? CommandRunner.Failed : CommandRunner.Ok;
    }
}
