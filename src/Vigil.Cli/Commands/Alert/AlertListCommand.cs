using System.CommandLine;
using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Pipeline.Configuration;
using Vigil.Storage.Outbox;

namespace Vigil.Cli.Commands.Alert;

/// <summary><c>vigil alert list</c>: the outbox, newest first: what was sent, what waits for a retry, what failed and why.</summary>
internal static class AlertListCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var status = new Option<string?>("--status") { Description = "Only pending, sent or failed alerts" };
        status.AcceptOnlyFromAmong("pending", "sent", "failed");
        var limit = new Option<int>("--limit") { Description = "At most this many (default 50)", DefaultValueFactory = _ => 50 };
        var json = CommonOptions.Json();
        var command = new Command("list", "List queued, sent and failed alerts with their last error") { config, status, limit, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            var settings = ConfigLoader.Load(result.GetValue(config));
            using var outbox = Pipeline.StoreOpener.OpenOutbox(settings, TimeProvider.System);
            OutboxStatus? only = result.GetValue(status) is { } s ? Enum.Parse<OutboxStatus>(s, ignoreCase: true) : null;
            var entries = await outbox.ListAsync(only, Math.Max(1, result.GetValue(limit)), cancellationToken).ConfigureAwait(false);
            if (result.GetValue(json))
            {
                JsonOutput.Write(entries.Select(e => new
                {
                    id = e.Id,
                    channel = e.Channel,
                    kind = e.Kind,
                    incident_id = e.IncidentId,
                    source = e.Source,
                    first_hour = Hour(e.FirstHour),
                    last_hour = Hour(e.LastHour),
                    status = e.Status.ToString().ToLowerInvariant(),
                    attempts = e.Attempts,
                    created_at = e.CreatedAt,
                    next_attempt_at = e.NextAttemptAt,
                    sent_at = e.SentAt,
                    last_error = e.LastError,
                }));
                return CommandRunner.Ok;
            }

            if (entries.Count == 0)
            {
                Console.WriteLine("No alerts.");
                return CommandRunner.Ok;
            }

            var table = new Table().Border(TableBorder.Rounded);
            foreach (var column in new[] { "id", "channel", "kind", "incident", "hours (UTC)", "status", "attempts", "when", "last error" })
            {
                table.AddColumn(column);
            }

            foreach (var e in entries)
            {
                var when = e.Status switch
                {
                    OutboxStatus.Sent => $"sent {e.SentAt:yyyy-MM-dd HH:mm}",
                    OutboxStatus.Pending when e.NextAttemptAt is { } next => $"retry {next:yyyy-MM-dd HH:mm}",
                    OutboxStatus.Pending => "next run",
                    _ => "",
                };
                var state = e.Status switch
                {
                    OutboxStatus.Sent => "[green]sent[/]",
                    OutboxStatus.Failed => "[red]failed[/]",
                    _ => "[yellow]pending[/]",
                };
                table.AddRow(
                    new Text(e.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(e.Channel),
                    new Text(e.Kind),
                    new Text(e.IncidentId),
                    new Text(e.FirstHour == e.LastHour ? Hour(e.FirstHour) : $"{Hour(e.FirstHour)} - {Hour(e.LastHour)}"),
                    new Markup(state),
                    new Text(e.Attempts.ToString(System.Globalization.CultureInfo.InvariantCulture)),
                    new Text(when),
                    new Text(e.LastError ?? ""));
            }

            AnsiConsole.Write(table);
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static string Hour(DateTime hour) => Vigil.Core.Windows.HourlySummary.FormatHour(hour);
}
