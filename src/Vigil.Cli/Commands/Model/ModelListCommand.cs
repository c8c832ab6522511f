using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Model;

/// <summary><c>vigil model list</c>: the current model and the previous ones kept for rollback, newest training first.</summary>
internal static class ModelListCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var output = new OutputFeature();
        var command = new Command("list", "List the current model and the previous ones kept for rollback") { config };
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var models = await context.Models.ListAsync(cancellationToken).ConfigureAwait(false);
            output.Write(result, models.Select(ModelJson.From), () =>
            {
                if (models.Count == 0)
                {
                    Console.WriteLine("No model yet: run 'vigil setup'.");
                }

                foreach (var m in models)
                {
                    Console.WriteLine($"{(m.IsCurrent ? "*" : " ")} {m.Id}  trained {m.TrainedAt:yyyy-MM-dd HH:mm} UTC  on {m.TrainingFrom:yyyy-MM-dd HH:mm} – {m.TrainingTo:yyyy-MM-dd HH:mm} UTC ({m.TrainingHours} hours)  {m.Source}");
                }
            });
            return CommandRunner.Ok;
        }));
        return command;
    }
}
