using System.Text.Json;
using Npgsql;
using NpgsqlTypes;
using Vigil.Core.Detection;
using Vigil.Core.Windows;
using Vigil.Storage.Outbox;

namespace Vigil.Storage.Postgres;

/// <summary>The store's runs and the verdicts they stored per (scope, hour).</summary>
public sealed partial class PostgresEventStore
{
    public Task<long> StartRunAsync(string kind, string source, HourRange range, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var command = _dataSource.CreateCommand(
                "INSERT INTO runs (kind, source, range_start, range_end, started) VALUES (@kind, @source, @from, @to, @now) RETURNING id");
            command.Parameters.AddWithValue("kind", kind);
            command.Parameters.AddWithValue("source", source);
            command.Parameters.AddWithValue("from", PgTime.ToStored(range.Start));
            command.Parameters.AddWithValue("to", PgTime.ToStored(range.End));
            command.Parameters.AddWithValue("now", PgTime.ToStored(DateTime.UtcNow));
            return (long)(await command.ExecuteScalarAsync(cancellationToken).ConfigureAwait(false))!;
        });

    public Task FinishRunAsync(long runId, RunOutcome outcome, RunVerdicts? verdicts, IReadOnlyList<OutboxEntry> alerts, CancellationToken cancellationToken) =>
        Guard(async () =>
        {
            await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
            await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
            var batch = new NpgsqlBatch(connection, transaction);
            await using (batch.ConfigureAwait(false))
            {
                var finish = new NpgsqlBatchCommand(
                    "UPDATE runs SET finished = $1, succeeded = $2, events = $3, hours = $4, anomalies = $5, message = $6 WHERE id = $7");
                finish.Parameters.Add(new() { Value = PgTime.ToStored(DateTime.UtcNow) });
                finish.Parameters.Add(new() { Value = outcome.Succeeded });
                finish.Parameters.Add(new() { Value = outcome.EventsCollected });
                finish.Parameters.Add(new() { Value = outcome.HoursScored });
                finish.Parameters.Add(new() { Value = outcome.Anomalies });
                finish.Parameters.Add(new() { Value = outcome.Message });
                finish.Parameters.Add(new() { Value = runId });
                batch.BatchCommands.Add(finish);
                foreach (var hour in verdicts?.Hours ?? [])
                {
                    batch.BatchCommands.Add(VerdictRow(runId, verdicts!, hour));
                }

                foreach (var alert in alerts)
                {
                    batch.BatchCommands.Add(PostgresOutboxRows.Insert(alert, DateTime.UtcNow));
                }

                await batch.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
            }

            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return true;
        });

    public Task<IReadOnlyList<RunRecord>> GetRunsAsync(int limit, CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<RunRecord>>(async () =>
        {
            await using var command = _dataSource.CreateCommand(
                """
                SELECT id, kind, source, range_start, range_end, started, finished, succeeded, events, hours, anomalies, message
                FROM runs ORDER BY id DESC LIMIT @limit
                """);
            command.Parameters.AddWithValue("limit", limit);
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var runs = new List<RunRecord>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var outcome = reader.IsDBNull(7)
                    ? null
                    : new RunOutcome(reader.GetBoolean(7), reader.GetInt64(8), reader.GetInt32(9), reader.GetInt32(10), reader.GetString(11));
                runs.Add(new RunRecord(
                    reader.GetInt64(0),
                    reader.GetString(1),
                    reader.GetString(2),
                    new HourRange(PgTime.FromStored(reader.GetDateTime(3)), PgTime.FromStored(reader.GetDateTime(4))),
                    PgTime.FromStored(reader.GetDateTime(5)),
                    reader.IsDBNull(6) ? null : PgTime.FromStored(reader.GetDateTime(6)),
                    outcome));
            }

            return runs;
        });

    public Task<IReadOnlyList<StoredVerdict>> GetVerdictsAsync(string scope, HourRange range, CancellationToken cancellationToken) =>
        ReadVerdictsAsync(scope, range, currentOnly: true, cancellationToken);

    public Task<IReadOnlyList<StoredVerdict>> GetVerdictHistoryAsync(string scope, HourRange range, CancellationToken cancellationToken) =>
        ReadVerdictsAsync(scope, range, currentOnly: false, cancellationToken);

    /// <summary>The verdicts of the range; with <paramref name="currentOnly"/> only each hour's newest (run ids only grow).</summary>
    private Task<IReadOnlyList<StoredVerdict>> ReadVerdictsAsync(string scope, HourRange range, bool currentOnly, CancellationToken cancellationToken) =>
        Guard<IReadOnlyList<StoredVerdict>>(async () =>
        {
            await using var command = _dataSource.CreateCommand(
                $"""
                SELECT {(currentOnly ? "DISTINCT ON (hour)" : string.Empty)} hour, total, errors, warnings, infos, score, is_anomaly, reasons, threshold, severity, model_id, run_id, suppressed
                FROM hours WHERE scope = @scope AND hour >= @from AND hour < @to ORDER BY hour, run_id {(currentOnly ? "DESC" : "ASC")}
                """);
            command.Parameters.AddWithValue("scope", scope);
            command.Parameters.AddWithValue("from", PgTime.ToStored(range.Start));
            command.Parameters.AddWithValue("to", PgTime.ToStored(range.End));
            await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
            var hours = new List<StoredVerdict>();
            while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
            {
                var summary = new HourlySummary(PgTime.FromStored(reader.GetDateTime(0)), reader.GetInt32(1), reader.GetInt32(2), reader.GetInt32(3), reader.GetInt32(4));
                var (reasons, details) = VerdictReasons.Parse(reader.GetString(7));
                var hour = new HourDetection(summary, reader.GetDouble(5), reader.GetBoolean(6))
                {
                    Reasons = reasons,
                    Details = details,
                    Threshold = reader.IsDBNull(8) ? null : reader.GetDouble(8),
                    Severity = (AnomalySeverity)reader.GetInt32(9),
                    Suppressed = reader.GetBoolean(12),
                };
                hours.Add(new StoredVerdict(hour, reader.GetString(10), reader.GetInt64(11)));
            }

            return hours;
        });

    private static NpgsqlBatchCommand VerdictRow(long runId, RunVerdicts verdicts, HourDetection hour)
    {
        var s = hour.Summary;
        var row = new NpgsqlBatchCommand(
            """
            INSERT INTO hours (scope, hour, run_id, total, errors, warnings, infos, score, threshold, severity, is_anomaly, reasons, model_id, suppressed)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, $13, $14)
            ON CONFLICT (scope, hour, model_id) DO UPDATE SET
                run_id = EXCLUDED.run_id, total = EXCLUDED.total, errors = EXCLUDED.errors, warnings = EXCLUDED.warnings, infos = EXCLUDED.infos,
                score = EXCLUDED.score, threshold = EXCLUDED.threshold, severity = EXCLUDED.severity, is_anomaly = EXCLUDED.is_anomaly,
                reasons = EXCLUDED.reasons, model_id = EXCLUDED.model_id, suppressed = EXCLUDED.suppressed
            """);
        row.Parameters.Add(new() { Value = verdicts.Scope });
        row.Parameters.Add(new() { Value = PgTime.ToStored(s.Hour) });
        row.Parameters.Add(new() { Value = runId });
        row.Parameters.Add(new() { Value = s.TotalEvents });
        row.Parameters.Add(new() { Value = s.ErrorCount });
        row.Parameters.Add(new() { Value = s.WarningCount });
        row.Parameters.Add(new() { Value = s.InfoCount });
        row.Parameters.Add(new() { Value = hour.AnomalyScore });
        row.Parameters.Add(new() { Value = (object?)hour.Threshold ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Double });
        row.Parameters.Add(new() { Value = (int)hour.Severity });
        row.Parameters.Add(new() { Value = hour.IsAnomaly });
        row.Parameters.Add(new() { Value = VerdictReasons.Serialize(hour) });
        row.Parameters.Add(new() { Value = verdicts.ModelId });
        row.Parameters.Add(new() { Value = hour.Suppressed });
        return row;
    }
}
