using System.Collections.Concurrent;
using System.Globalization;
using Npgsql;

namespace Vigil.Storage.Postgres;

/// <summary>
/// The day partitions of <c>events</c>: created ahead of each ingest for the days its events fall on (within a window
/// around the clock; other dates go to the default partition), and dropped when older than <c>retention_days</c>.
/// A partition for a day the default partition already holds rows of (once-future events whose day came) takes those
/// rows with it, so creating one never fails and nothing is lost.
/// </summary>
internal sealed class PostgresPartitions
{
    /// <summary>How far ahead of the clock a day still gets its own partition (clocks of senders drift).</summary>
    private const int DaysAhead = 2;

    /// <summary>Without retention, how far back a day still gets its own partition (older imports go to the default).</summary>
    private const int DaysBackWithoutRetention = 400;

    /// <summary>The key of the transaction lock that lets one instance at a time change partitions.</summary>
    private const long LockKey = 0x5669_6769_6C50_6172;

    private readonly NpgsqlDataSource _dataSource;
    private readonly TimeProvider _clock;
    private readonly int _retentionDays;
    private readonly ConcurrentDictionary<DateOnly, bool> _days = new();

    public PostgresPartitions(NpgsqlDataSource dataSource, TimeProvider clock, int retentionDays)
    {
        _dataSource = dataSource;
        _clock = clock;
        _retentionDays = retentionDays;
    }

    public static string Name(DateOnly day) => "events_" + day.ToString("yyyyMMdd", CultureInfo.InvariantCulture);

    /// <summary>Reads which day partitions exist (another instance may have made them).</summary>
    public async Task LoadAsync(CancellationToken cancellationToken)
    {
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var day in await ExistingAsync(connection, null, cancellationToken).ConfigureAwait(false))
        {
            _days[day] = true;
        }
    }

    /// <summary>Makes sure every day of <paramref name="times"/> inside the window has its partition.</summary>
    public async Task EnsureAsync(IEnumerable<DateTime> times, CancellationToken cancellationToken)
    {
        var (first, last) = Window();
        var missing = times
            .Select(t => DateOnly.FromDateTime(t))
            .Distinct()
            .Where(d => d >= first && d <= last && !_days.ContainsKey(d))
            .ToList();
        if (missing.Count == 0)
        {
            return;
        }

        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        foreach (var day in missing)
        {
            await CreateAsync(connection, day, cancellationToken).ConfigureAwait(false);
            _days[day] = true;
        }

        // A new day began (or data came for one): the day that just left the retention window goes now.
        await DropExpiredAsync(cancellationToken).ConfigureAwait(false);
    }

    /// <summary>Drops the day partitions wholly older than retention and the default partition's rows as old; returns how many partitions went.</summary>
    public async Task<int> DropExpiredAsync(CancellationToken cancellationToken)
    {
        if (_retentionDays <= 0)
        {
            return 0;
        }

        var cutoff = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime).AddDays(-_retentionDays);
        await using var connection = await _dataSource.OpenConnectionAsync(cancellationToken).ConfigureAwait(false);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        var dropped = 0;
        foreach (var day in await ExistingAsync(connection, transaction, cancellationToken).ConfigureAwait(false))
        {
            if (day < cutoff)
            {
                await ExecuteAsync(connection, transaction, $"DROP TABLE {Name(day)}", cancellationToken).ConfigureAwait(false);
                _days.TryRemove(day, out _);
                dropped++;
            }
        }

        int deleted;
        await using (var old = new NpgsqlCommand("DELETE FROM events_default WHERE time < @cutoff", connection, transaction))
        {
            old.Parameters.AddWithValue("cutoff", Start(cutoff));
            deleted = await old.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        if (dropped > 0 || deleted > 0)
        {
            // The per-source counters no longer match what is stored: count again (once a day at most).
            await ExecuteAsync(connection, transaction, PostgresSql.RecountSources, cancellationToken).ConfigureAwait(false);
        }

        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
        return dropped;
    }

    private (DateOnly First, DateOnly Last) Window()
    {
        var today = DateOnly.FromDateTime(_clock.GetUtcNow().UtcDateTime);
        var back = _retentionDays > 0 ? _retentionDays : DaysBackWithoutRetention;
        return (today.AddDays(-back), today.AddDays(DaysAhead));
    }

    private static async Task CreateAsync(NpgsqlConnection connection, DateOnly day, CancellationToken cancellationToken)
    {
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await LockAsync(connection, transaction, cancellationToken).ConfigureAwait(false);
        if ((await ExistingAsync(connection, transaction, cancellationToken).ConfigureAwait(false)).Contains(day))
        {
            await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        var name = Name(day);
        await ExecuteAsync(connection, transaction, $"CREATE TABLE {name} (LIKE events INCLUDING DEFAULTS INCLUDING CONSTRAINTS)", cancellationToken).ConfigureAwait(false);
        await using (var move = new NpgsqlCommand(
            $"WITH moved AS (DELETE FROM events_default WHERE time >= @from AND time < @to RETURNING *) INSERT INTO {name} SELECT * FROM moved",
            connection,
            transaction))
        {
            move.Parameters.AddWithValue("from", Start(day));
            move.Parameters.AddWithValue("to", Start(day.AddDays(1)));
            await move.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
        }

        await ExecuteAsync(
            connection,
            transaction,
            $"ALTER TABLE events ATTACH PARTITION {name} FOR VALUES FROM ('{Start(day):yyyy-MM-dd} 00:00:00+00') TO ('{Start(day.AddDays(1)):yyyy-MM-dd} 00:00:00+00')",
            cancellationToken).ConfigureAwait(false);
        await transaction.CommitAsync(cancellationToken).ConfigureAwait(false);
    }

    private static async Task<List<DateOnly>> ExistingAsync(NpgsqlConnection connection, NpgsqlTransaction? transaction, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(
            "SELECT c.relname FROM pg_inherits i JOIN pg_class c ON c.oid = i.inhrelid WHERE i.inhparent = 'events'::regclass AND c.relname ~ '^events_[0-9]{8}$'",
            connection,
            transaction);
        await using var reader = await command.ExecuteReaderAsync(cancellationToken).ConfigureAwait(false);
        var days = new List<DateOnly>();
        while (await reader.ReadAsync(cancellationToken).ConfigureAwait(false))
        {
            days.Add(DateOnly.ParseExact(reader.GetString(0)["events_".Length..], "yyyyMMdd", CultureInfo.InvariantCulture));
        }

        return days;
    }

    private static Task LockAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, CancellationToken cancellationToken) =>
        ExecuteAsync(connection, transaction, $"SELECT pg_advisory_xact_lock({LockKey})", cancellationToken);

    private static async Task ExecuteAsync(NpgsqlConnection connection, NpgsqlTransaction transaction, string sql, CancellationToken cancellationToken)
    {
        await using var command = new NpgsqlCommand(sql, connection, transaction);
        await command.ExecuteNonQueryAsync(cancellationToken).ConfigureAwait(false);
    }

    private static DateTime Start(DateOnly day) => day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
}
