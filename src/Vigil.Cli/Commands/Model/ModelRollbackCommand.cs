using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Model;

/// <summary><c>vigil model rollback [ID]</c>: the previous model (or the one named) becomes current again.</summary>
internal static class ModelRollbackCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var id = new Argument<string?>("id") { Description = "A kept model's id ('vigil model list'); default: the one trained before the current model", Arity = ArgumentArity.ZeroOrOne };
        var output = new OutputFeature();
        var command = new Command("rollback", "Make the previous model (or the one named) current again") { id, config };
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var restored = await context.Models.RollbackAsync(result.GetValue(id), cancellationToken).ConfigureAwait(false);
            output.Write(
                result,
                new { id = restored.Id, kind = restored.Kind, trained_at = restored.TrainedAt, training_from = restored.TrainingFrom, training_to = restored.TrainingTo },
                () => Console.WriteLine($"Model {restored.Id} (trained {restored.TrainedAt:yyyy-MM-dd HH:mm} UTC on {restored.TrainingFrom:yyyy-MM-dd HH:mm} – {restored.TrainingTo:yyyy-MM-dd HH:mm} UTC) is current again; the next detect scores with it."));
            return CommandRunner.Ok;
        }));
        return command;
    }
}
