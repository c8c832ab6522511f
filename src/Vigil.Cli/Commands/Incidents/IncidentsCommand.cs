using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Contracts;

namespace Vigil.Cli.Commands.Incidents;

/// <summary><c>vigil incidents [--open] [--json]</c>: incidents, the most recently active first; <c>ack ID</c> acknowledges one.</summary>
internal static class IncidentsCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var open = new Option<bool>("--open") { Description = "Only incidents that are not resolved" };
        var output = new OutputFeature();
        var command = new Command("incidents", "List incidents (open, updated, resolved) and acknowledge them") { config, open, IncidentAckCommand.Create() };
        output.AddTo(command);
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var book = new IncidentBook(ConfigLoader.Load(result.GetValue(config)));
            var incidents = await book.ListAsync(result.GetValue(open), IncidentBook.DefaultLimit, cancellationToken).ConfigureAwait(false);
            output.Write(result, incidents.Select(IncidentDto.From), () =>
            {
                if (incidents.Count == 0)
                {
                    Console.WriteLine("No incidents.");
                }

                foreach (var i in incidents.Select(IncidentDto.From))
                {
                    var ack = i.Acknowledged ? $", acknowledged{(i.AcknowledgedNote is null ? string.Empty : ": " + i.AcknowledgedNote)}" : string.Empty;
                    Console.WriteLine($"{i.Id}  {i.State,-8} {i.Severity ?? "-",-6} {i.FirstHour} – {i.LastHour} UTC, {i.Hours} hour{(i.Hours == 1 ? string.Empty : "s")}, {i.Pages} message{(i.Pages == 1 ? string.Empty : "s")}{ack}  {i.Source}");
                    if (i.Summary is not null)
                    {
                        Console.WriteLine($"    {i.Summary}");
                    }
                }
            });
            return CommandRunner.Ok;
        }));
        return command;
    }
}
