using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Contracts;

namespace Vigil.Cli.Commands.Incidents;

/// <summary><c>vigil incidents ack ID [--note TEXT]</c>: someone is on it; its updates page nobody, its resolution is still sent.</summary>
internal static class IncidentAckCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var id = new Argument<string>("id") { Description = "The incident's id, as 'vigil incidents' shows it" };
        var note = new Option<string?>("--note") { Description = "Who is on it, or why, for whoever reads the incident later" };
        var output = new OutputFeature();
        var command = new Command("ack", "Acknowledge an incident: its updates page nobody") { id, config, note };
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var book = new IncidentBook(ConfigLoader.Load(result.GetValue(config)));
            var incident = IncidentDto.From(await book.AcknowledgeAsync(result.GetValue(id)!, result.GetValue(note), cancellationToken).ConfigureAwait(false));
            output.Write(result, incident, () => Console.WriteLine($"Incident {incident.Id} acknowledged; its updates page nobody, its resolution is still sent."));
            return CommandRunner.Ok;
        }));
        return command;
    }
}
