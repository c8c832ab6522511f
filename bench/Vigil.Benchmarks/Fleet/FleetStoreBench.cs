using System.Diagnostics;
using System.Globalization;
using Npgsql;
using NpgsqlTypes;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using Vigil.Storage.Postgres;

namespace Vigil.Benchmarks.Fleet;

/// <summary>
/// The store half of bench/fleet_bench.sh: a fleet's days into PostgreSQL through Vigil's store (binary COPY into
/// staging, dedup, day partitions, checkpoint per batch) against the physical floor, a single binary COPY of the same
/// rows into a plain table, in the same run on the same server; then the store's share of scoring one hour for every
/// host (read its events, build its hour window, store its verdict run). Every road writes the same rows, built before
/// any clock starts (the floor and the store pay for writing them, not for making them up).
/// </summary>
internal static class FleetStoreBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 1)
        {
            Console.Error.WriteLine("usage: fleet-store CONNECTION_STRING [HOSTS=500] [DAYS=8] [PER_HOUR=20] [PARALLEL=2]");
            return 2;
        }

        var connectionString = args[0];
        var hosts = Arg(args, 1, 500);
        var days = Arg(args, 2, 8);
        var perHour = Arg(args, 3, 20);
        var parallel = Arg(args, 4, 2);
        var end = HourRange.FloorHour(DateTime.UtcNow).Date;
        var start = end.AddDays(-days);
        long rows = (long)hosts * days * 24 * perHour;
        Console.WriteLine($"fleet: {hosts} hosts x {days} days x {perHour} events/hour = {rows:N0} events");

        var fleet = new List<LogEvent>[hosts * days];
        for (var host = 0; host < hosts; host++)
        {
            for (var d = 0; d < days; d++)
            {
                fleet[(host * days) + d] = FleetRows.Day(host, start.AddDays(d), perHour);
            }
        }

        var cpu = await CpuMeter.ForAsync(connectionString);
        var before = cpu.Read();
        var floor = await FloorAsync(connectionString, fleet, days, keyed: false);
        var floorCpu = Cost(cpu, before, rows);
        Console.WriteLine($"{"PostgreSQL COPY (floor)",-34} {floor.TotalSeconds,8:F2} s {rows / floor.TotalSeconds,12:N0} events/s   {floorCpu.Text}");

        // What any store that deduplicates must pay at least: the same COPY into a table with events' primary key.
        before = cpu.Read();
        var keyed = await FloorAsync(connectionString, fleet, days, keyed: true);
        var keyedCpu = Cost(cpu, before, rows);
        Console.WriteLine($"{"PostgreSQL COPY, keyed table",-34} {keyed.TotalSeconds,8:F2} s {rows / keyed.TotalSeconds,12:N0} events/s   {keyedCpu.Text}");

        using var store = PostgresEventStore.Open(connectionString);
        before = cpu.Read();
        var clock = Stopwatch.StartNew();
        await Parallel.ForEachAsync(Enumerable.Range(0, hosts), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (host, ct) =>
        {
            for (var d = 0; d < days; d++)
            {
                var day = start.AddDays(d);
                await store.AddEventsAsync(FleetRows.Source(host), fleet[(host * days) + d], day.ToString("O", CultureInfo.InvariantCulture), ct);
            }
        });
        var vigil = clock.Elapsed;
        var vigilCpu = Cost(cpu, before, rows);
        var stored = (await store.GetStatisticsAsync(CancellationToken.None)).Events;
        Console.WriteLine($"{"Vigil store ingest (" + parallel + " writers)",-34} {vigil.TotalSeconds,8:F2} s {rows / vigil.TotalSeconds,12:N0} events/s   {vigilCpu.Text}, stored {stored:N0}");
        Console.WriteLine($"Vigil store ingest / COPY floor: {floor.TotalSeconds / vigil.TotalSeconds:F2} of the floor's rate, {floorCpu.PerEvent / vigilCpu.PerEvent:F2} of its CPU efficiency; / keyed COPY: {keyed.TotalSeconds / vigil.TotalSeconds:F2} of its rate, {keyedCpu.PerEvent / vigilCpu.PerEvent:F2} of its CPU efficiency");

        var resent = await store.AddEventsAsync(FleetRows.Source(0), FleetRows.Day(0, start, perHour), null, CancellationToken.None);
        Console.WriteLine($"a resent day of one host stored {resent} new events");

        var hour = end.AddHours(-1);
        clock.Restart();
        var counted = 0L;
        await Parallel.ForEachAsync(Enumerable.Range(0, hosts), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (host, ct) =>
        {
            var range = new HourRange(hour, hour.AddHours(1));
            var builder = new HourWindowBuilder(range);
            await foreach (var e in store.ReadEventsAsync([FleetRows.Source(host)], range, ct))
            {
                builder.Add(e);
            }

            var summary = builder.Windows[0].Summary;
            Interlocked.Add(ref counted, summary.TotalEvents);
            var run = await store.StartRunAsync("detect", FleetRows.Source(host), range, ct);
            var verdict = new Core.Detection.HourDetection(summary, 0.1, false);
            await store.FinishRunAsync(run, new Vigil.Storage.RunOutcome(true, summary.TotalEvents, 1, 0, "ok"), new Vigil.Storage.RunVerdicts(FleetRows.Source(host), "bench", [verdict]), [], ct);
        });
        Console.WriteLine($"{"one hour, every host: read + window + verdict",-34} {clock.Elapsed.TotalSeconds,8:F2} s ({hosts} hosts, {counted:N0} events)");
        return stored == rows && counted == (long)hosts * perHour && resent == 0 ? 0 : 1;
    }

    private static async Task<TimeSpan> FloorAsync(string connectionString, List<LogEvent>[] fleet, int days, bool keyed)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using (var create = new NpgsqlCommand(
            """
            DROP TABLE IF EXISTS floor_events;
            CREATE TABLE floor_events (source_id integer, record_key text, time timestamptz, level integer, event_id bigint,
                provider text, channel text, computer text, message text)
            """ + (keyed ? "; ALTER TABLE floor_events ADD PRIMARY KEY (source_id, time, record_key)" : ""),
            connection))
        {
            await create.ExecuteNonQueryAsync();
        }

        var clock = Stopwatch.StartNew();
        await using (var writer = await connection.BeginBinaryImportAsync("COPY floor_events FROM STDIN (FORMAT BINARY)"))
        {
            for (var i = 0; i < fleet.Length; i++)
            {
                var host = i / days;
                foreach (var e in fleet[i])
                {
                    writer.StartRow();
                    writer.Write(host, NpgsqlDbType.Integer);
                    writer.Write(e.RecordKey, NpgsqlDbType.Text);
                    writer.Write(e.TimeCreated, NpgsqlDbType.TimestampTz);
                    writer.Write(e.Level, NpgsqlDbType.Integer);
                    writer.Write(e.EventId, NpgsqlDbType.Bigint);
                    writer.Write(e.Provider, NpgsqlDbType.Text);
                    writer.Write(e.Channel, NpgsqlDbType.Text);
                    writer.Write(e.Computer, NpgsqlDbType.Text);
                    writer.Write(e.Message!, NpgsqlDbType.Text);
                }
            }

            await writer.CompleteAsync();
        }

        var elapsed = clock.Elapsed;
        await using var drop = new NpgsqlCommand("DROP TABLE floor_events", connection);
        await drop.ExecuteNonQueryAsync();
        return elapsed;
    }

    private static (double PerEvent, string Text) Cost(CpuMeter cpu, (double Self, double Others, double Server) before, long events)
    {
        var (client, _, server) = cpu.Read();
        var perEvent = ((client - before.Self) + (server - before.Server)) * 1e6 / events;
        return (perEvent, $"CPU {client - before.Self:F1} s client + {server - before.Server:F1} s PostgreSQL = {perEvent:F1} us/event");
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
