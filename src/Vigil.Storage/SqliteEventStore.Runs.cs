using System.Text.Json;
using Microsoft.Data.Sqlite;
using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Storage.Outbox;

namespace Vigil.Storage;

/// <summary>The store's runs and the verdicts they stored per hour (see the main part for the connection and the gate).</summary>
public sealed partial class SqliteEventStore
{
    public async Task<long> StartRunAsync(string kind, string source, HourRange range, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return (long)Scalar(
                _connection,
                "INSERT INTO runs (kind, source, range_start_ms, range_end_ms, started_ms) VALUES ($k, $s, $a, $b, $t) RETURNING id",
                ("$k", kind),
                ("$s", source),
                ("$a", UnixTime.ToMs(range.Start)),
                ("$b", UnixTime.ToMs(range.End)),
                ("$t", UnixTime.ToMs(DateTime.UtcNow)))!;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task FinishRunAsync(long runId, RunOutcome outcome, RunVerdicts? verdicts, IReadOnlyList<OutboxEntry> alerts, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var transaction = _connection.BeginTransaction();
            Execute(
                transaction,
                "UPDATE runs SET finished_ms = $t, succeeded = $ok, events = $e, hours = $h, anomalies = $a, message = $m WHERE id = $id",
                ("$t", UnixTime.ToMs(DateTime.UtcNow)),
                ("$ok", outcome.Succeeded ? 1 : 0),
                ("$e", outcome.EventsCollected),
                ("$h", outcome.HoursScored),
                ("$a", outcome.Anomalies),
                ("$m", outcome.Message),
                ("$id", runId));
            foreach (var hour in verdicts?.Hours ?? [])
            {
                var s = hour.Summary;
                Execute(
                    transaction,
                    """
                    INSERT OR REPLACE INTO hours (scope, hour_ms, run_id, total, errors, warnings, infos, score, threshold, severity, is_anomaly, reasons, model_id, suppressed)
                    VALUES ($scope, $h, $r, $t, $e, $w, $i, $s, $th, $sev, $a, $reasons, $model, $sup)
                    """,
                    ("$scope", verdicts!.Scope),
                    ("$h", UnixTime.ToMs(s.Hour)),
                    ("$r", runId),
                    ("$t", s.TotalEvents),
                    ("$e", s.ErrorCount),
                    ("$w", s.WarningCount),
                    ("$i", s.InfoCount),
                    ("$s", hour.AnomalyScore),
                    ("$th", (object?)hour.Threshold ?? DBNull.Value),
                    ("$sev", (int)hour.Severity),
                    ("$a", hour.IsAnomaly ? 1 : 0),
                    ("$reasons", VerdictReasons.Serialize(hour)),
                    ("$model", verdicts.ModelId),
                    ("$sup", hour.Suppressed ? 1 : 0));
            }

            OutboxRows.Insert(_connection, transaction, alerts, DateTime.UtcNow);
            transaction.Commit();
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<IReadOnlyList<RunRecord>> GetRunsAsync(int limit, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            command.CommandText = """
                SELECT id, kind, source, range_start_ms, range_end_ms, started_ms, finished_ms, succeeded, events, hours, anomalies, message
                FROM runs ORDER BY id DESC LIMIT $n
                """;
            command.Parameters.AddWithValue("$n", limit);
            using var reader = command.ExecuteReader();
            var runs = new List<RunRecord>();
            while (reader.Read())
            {
                var outcome = reader.IsDBNull(7)
                    ? null
                    : new RunOutcome(reader.GetInt64(7) == 1, reader.GetInt64(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetString(11));
                runs.Add(new RunRecord(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    new HourRange(UnixTime.FromMs(reader.GetInt64(3)), UnixTime.FromMs(reader.GetInt64(4))),
                    UnixTime.FromMs(reader.GetInt64(5)),
                    reader.IsDBNull(6) ? null : UnixTime.FromMs(reader.GetInt64(6)),
                    outcome));
            }

            return runs;
        }
        finally
        {
            _gate.Release();
        }
    }

    public Task<IReadOnlyList<StoredVerdict>> GetVerdictsAsync(string scope, HourRange range, CancellationToken cancellationToken) =>
        ReadVerdictsAsync(scope, range, currentOnly: true, cancellationToken);

    public Task<IReadOnlyList<StoredVerdict>> GetVerdictHistoryAsync(string scope, HourRange range, CancellationToken cancellationToken) =>
        ReadVerdictsAsync(scope, range, currentOnly: false, cancellationToken);

    private async Task<IReadOnlyList<StoredVerdict>> ReadVerdictsAsync(string scope, HourRange range, bool currentOnly, CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var command = _connection.CreateCommand();
            // The current verdict of an hour is the one its newest run stored (run ids only grow).
            command.CommandText = $"""
                SELECT hour_ms, total, errors, warnings, infos, score, is_anomaly, reasons, threshold, severity, model_id, run_id, suppressed
                FROM hours h WHERE scope = $scope AND hour_ms >= $from AND hour_ms < $to
                {(currentOnly ? "AND run_id = (SELECT MAX(run_id) FROM hours n WHERE n.scope = h.scope AND n.hour_ms = h.hour_ms)" : string.Empty)}
                ORDER BY hour_ms, run_id
                """;
            command.Parameters.AddWithValue("$scope", scope);
            command.Parameters.AddWithValue("$from", UnixTime.ToMs(range.Start));
            command.Parameters.AddWithValue("$to", UnixTime.ToMs(range.End));
            using var reader = command.ExecuteReader();
            var hours = new List<StoredVerdict>();
            while (reader.Read())
            {
                var summary = new HourlySummary(UnixTime.FromMs(reader.GetInt64(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
                var (reasons, details) = VerdictReasons.Parse(reader.GetString(7));
                var hour = new HourDetection(summary, reader.GetDouble(5), reader.GetInt64(6) == 1)
                {
                    Reasons = reasons,
                    Details = details,
                    Threshold = reader.IsDBNull(8) ? null : reader.GetDouble(8),
                    Severity = (AnomalySeverity)reader.GetInt32(9),
                    Suppressed = reader.GetInt64(12) == 1,
                };
                hours.Add(new StoredVerdict(hour, reader.GetString(10), reader.GetInt64(11)));
            }

            // Two verdicts of one hour by one run cannot happen (one model per run); MAX(run_id) keeps one per hour.
            return currentOnly ? [.. hours.DistinctBy(h => h.Hour.Summary.Hour)] : hours;
        }
        finally
        {
            _gate.Release();
        }
    }
}
