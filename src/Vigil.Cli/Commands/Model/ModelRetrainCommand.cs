using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Model;

/// <summary>
/// <c>vigil model retrain</c>: what <c>vigil serve</c> does every <c>retrain_days</c>, now — a new model on the latest
/// clean week (flagged and suppressed hours left out, false alarms in); the previous one is kept for rollback.
/// </summary>
internal static class ModelRetrainCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var run = new RunRequestFeature();
        var output = new OutputFeature();
        var force = new Option<bool>("--force") { Description = "Train even when too few of the clean hours hold events ([detection] min_training_hours)" };
        var command = new Command("retrain", "Train a new model on the latest clean week now (the previous one is kept for rollback)") { config, force };
        run.AddTo(command);
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var request = run.Read(result, force: result.GetValue(force));
            var setup = await ProgressView.RunAsync(output.IsJson(result), progress =>
                new SetupService(context).RetrainAsync(request, progress, CommandRunner.Warn, cancellationToken)).ConfigureAwait(false);
            output.Write(
                result,
                new { id = setup.Model.Id, trained_at = setup.Model.TrainedAt, training_from = setup.Range.Start, training_to = setup.Range.End, training_hours = setup.Model.TrainingHours, hours_with_events = setup.HoursWithEvents },
                () => Console.WriteLine($"Retrained on {setup.Model.TrainingHours} clean hours ({setup.Range}): model {setup.Model.Id} is current; 'vigil model rollback' brings the previous one back."));
            return CommandRunner.Ok;
        }));
        return command;
    }
}
