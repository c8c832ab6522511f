using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil accept KIND [--remove]</c>: a kind accepted as normal no longer counts as never seen, rare or surging,
/// from the next detect on, without retraining.
/// </summary>
internal static class AcceptCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var kind = new Argument<string>("kind") { Description = "Provider/EventId (e.g. 'Service Control Manager/7045') or a template id" };
        var remove = new Option<bool>("--remove") { Description = "Stop accepting the kind" };
        var json = CommonOptions.Json();
        var command = new Command("accept", "Accept an event kind as normal (no retraining)") { config, kind, remove, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var actions = new OperatorActions(ConfigLoader.Load(result.GetValue(config)));
            var removing = result.GetValue(remove);
            var stored = removing
                ? await actions.RemoveAcceptedAsync(result.GetValue(kind)!, cancellationToken).ConfigureAwait(false)
                : await actions.AcceptAsync(result.GetValue(kind)!, cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                JsonOutput.Write(new { kind = stored, accepted = !removing });
            }
            else
            {
                Console.WriteLine(removing ? $"'{stored}' is no longer accepted." : $"Accepted '{stored}' as normal: it is no longer a new or surging kind from the next detect on.");
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
