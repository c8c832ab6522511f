using System.CommandLine;
using System.Globalization;
using Spectre.Console;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Core.Models;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Fleet;
using Vigil.Pipeline.Operator;

namespace Vigil.Cli.Commands;

/// <summary><c>vigil status</c>: is there a model, what was it trained on, where the data lives, how big the store is.</summary>
internal static class StatusCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var json = CommonOptions.Json();
        var command = new Command("status", "Show the model (trained when, on what), the data folder and the store") { config, json };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            ModelDocument? model = null;
            string? modelProblem = null;
            try
            {
                model = await context.Models.LoadAsync(cancellationToken).ConfigureAwait(false);
            }
            catch (ModelFormatException ex)
            {
                modelProblem = ex.Message;
            }

            var stats = await context.Store.GetStatisticsAsync(cancellationToken).ConfigureAwait(false);
            var runs = await context.Store.GetRunsAsync(1, cancellationToken).ConfigureAwait(false);
            var lastRun = runs.Count > 0 ? runs[0] : null;
            using var actions = new OperatorActions(context);
            var accepted = await actions.ListAcceptedAsync(cancellationToken).ConfigureAwait(false);
            var maintenance = await actions.ListMaintenanceAsync(cancellationToken).ConfigureAwait(false);
            var falseAlarms = await actions.ListFalseAlarmsAsync(cancellationToken).ConfigureAwait(false);
            var local = await LocalOperatorState.FindAsync(context, cancellationToken).ConfigureAwait(false) is { IsEmpty: false } found ? found : null;
            var hosts = await FleetOverview.ReadAsync(context, host: null, cancellationToken).ConfigureAwait(false);
            var hostStates = hosts.GroupBy(h => h.State).ToDictionary(g => g.Key, g => g.Count(), StringComparer.Ordinal);
            int HostsIn(string state) => hostStates.GetValueOrDefault(state);
            if (result.GetValue(json))
            {
                JsonOutput.Write(new
                {
                    model_exists = model is not null,
                    model_path = context.Models.Path,
                    model_problem = modelProblem,
                    model_kind = model?.Kind,
                    trained_at = model?.TrainedAt,
                    training_from = model?.TrainingFrom,
                    training_to = model?.TrainingTo,
                    training_hours = model?.TrainingHours,
                    source = model?.Source,
                    configured_source = context.Config.Vigil.Source,
                    data_dir = Path.GetFullPath(context.Config.Vigil.DataDir),
                    store_path = context.StoreLocation,
                    store_kind = context.Config.Store.Kind.ToString().ToLowerInvariant(),
                    store_bytes = stats.SizeBytes,
                    events = stats.Events,
                    runs = stats.Runs,
                    last_run = lastRun is null ? null : new { lastRun.Kind, lastRun.StartedAt, succeeded = lastRun.Outcome?.Succeeded, message = lastRun.Outcome?.Message },
                    accepted_kinds = accepted.Select(a => new { kind = a.Kind, accepted_at = a.AcceptedAt }),
                    maintenance_windows = maintenance.Select(Maintenance.MaintenanceJson.From),
                    false_alarms = falseAlarms.Select(f => new { hour_timestamp = Core.Windows.HourlySummary.FormatHour(f.Hour), host = f.Host, note = f.Note }),
                    hosts = new { total = hosts.Count, learning = HostsIn("learning"), ok = HostsIn("ok"), anomalous = HostsIn("anomalous") },
                    not_imported = local is null ? null : new
                    {
                        path = local.Path,
                        maintenance_windows = local.Maintenance.Count,
                        accepted_kinds = local.Accepted.Count,
                        false_alarms = local.FalseAlarms.Count,
                        incidents = local.Incidents.Count,
                        notice = local.Notice,
                    },
                });
                return CommandRunner.Ok;
            }

            var grid = new Grid().AddColumn().AddColumn();
            void Row(string name, string value) => grid.AddRow(new Markup($"[bold]{name}[/]"), new Text(value));
            Row("model", model is not null ? $"yes ({context.Models.Path})" : modelProblem ?? $"none - {NoModelException.SeedMessage}");
            if (model is not null)
            {
                Row("kind", model.Kind);
                Row("trained at", $"{model.TrainedAt:yyyy-MM-dd HH:mm:ss} UTC");
                Row("trained on", $"{model.TrainingHours} hours, {model.TrainingFrom:yyyy-MM-dd HH:00} - {model.TrainingTo:yyyy-MM-dd HH:00} UTC");
                Row("trained from", model.Source);
            }

            Row("configured source", context.Config.Vigil.Source);
            Row("config", context.Config.Origin);
            Row("data dir", Path.GetFullPath(context.Config.Vigil.DataDir));
            Row("store", $"{context.StoreLocation} ({FormatBytes(stats.SizeBytes)}, {stats.Events.ToString("N0", CultureInfo.InvariantCulture)} events, {stats.Runs} runs)");
            if (lastRun is not null)
            {
                Row("last run", $"{lastRun.Kind} at {lastRun.StartedAt:yyyy-MM-dd HH:mm:ss} UTC: {(lastRun.Outcome is null ? "did not finish" : lastRun.Outcome.Message)}");
            }

            Row("accepted kinds", accepted.Count == 0 ? "none" : string.Join(", ", accepted.Select(a => a.Kind)));
            Row("maintenance", maintenance.Count == 0 ? "none" : string.Join("; ", maintenance.Select(w => $"#{w.Id} {Maintenance.MaintenanceJson.Span(w)}")));
            Row("false alarms", FalseAlarmsText(falseAlarms));
            if (local is not null)
            {
                Row("not imported", local.Notice);
            }

            if (hosts.Count > 0)
            {
                Row("hosts", $"{hosts.Count} pushing logs: {HostsIn("anomalous")} anomalous, {HostsIn("learning")} learning, {HostsIn("ok")} ok (vigil detect --all-hosts, GET /hosts)");
            }

            AnsiConsole.Write(grid);
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static string FormatBytes(long bytes) => bytes switch
    {
        < 1024 => $"{bytes} B",
        < 1024 * 1024 => $"{bytes / 1024.0:0.0} KiB",
        _ => $"{bytes / (1024.0 * 1024.0):0.0} MiB",
    };

    /// <summary>"3 hours (2 on web01, 1 for every host; join the next training)": a fleet's alarms by the host they name.</summary>
    private static string FalseAlarmsText(IReadOnlyList<Storage.Operator.FalseAlarm> alarms)
    {
        if (alarms.Count == 0)
        {
            return "none";
        }

        var hours = $"{alarms.Count} hour{(alarms.Count == 1 ? string.Empty : "s")}";
        if (alarms.All(static a => string.IsNullOrEmpty(a.Host)))
        {
            return $"{hours} (join the next training)";
        }

        const int Shown = 5;
        var scopes = alarms
            .GroupBy(static a => a.Host ?? string.Empty, StringComparer.Ordinal)
            .OrderByDescending(static g => g.Count()).ThenBy(static g => g.Key, StringComparer.Ordinal)
            .Select(static g => $"{g.Count()} {(g.Key.Length == 0 ? "for every host" : "on " + g.Key)}")
            .ToList();
        var shown = string.Join(", ", scopes.Take(Shown)) + (scopes.Count > Shown ? $" and {scopes.Count - Shown} more hosts" : string.Empty);
        return $"{hours} ({shown}; each joins the next training of its host)";
    }
}

