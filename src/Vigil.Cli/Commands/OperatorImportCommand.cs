using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil operator import</c>: an instance moved to <c>[store] kind = postgresql</c> copies the maintenance windows,
/// accepted kinds, false alarms and incidents it kept in its own SQLite file into the shared store, where every
/// instance reads them. Run it again and it copies nothing twice; the file keeps its copy.
/// </summary>
internal static class OperatorImportCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var output = new OutputFeature();
        var command = new Command("import", "Copy this instance's maintenance windows, accepted kinds, false alarms and incidents from its SQLite file into the shared PostgreSQL store") { config };
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            if (context.Config.Store.Kind != StoreKind.Postgresql)
            {
                throw new PipelineException($"[store] kind is sqlite: the operator's state already lives in {context.StoreLocation}; import copies it into PostgreSQL once [store] kind = postgresql");
            }

            var local = await LocalOperatorState.FindAsync(context, cancellationToken).ConfigureAwait(false);
            if (local is not null)
            {
                await local.ImportAsync(context, cancellationToken).ConfigureAwait(false);
            }

            var path = Path.GetFullPath(context.Config.Vigil.StorePath);
            output.Write(
                result,
                new
                {
                    from = path,
                    to = context.StoreLocation,
                    maintenance_windows = local?.Maintenance.Count ?? 0,
                    accepted_kinds = local?.Accepted.Count ?? 0,
                    false_alarms = local?.FalseAlarms.Count ?? 0,
                    incidents = local?.Incidents.Count ?? 0,
                },
                () => Console.WriteLine(local switch
                {
                    null => $"Nothing to import: there is no {path}.",
                    { IsEmpty: true } => $"Nothing to import: {context.StoreLocation} already holds everything {path} does.",
                    _ => $"Imported {local.Counts} from {path} into {context.StoreLocation}; every instance on it applies them from its next run. The file keeps its copy.",
                }));
            return CommandRunner.Ok;
        }));
        return command;
    }
}
