using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using Google.Protobuf;
using Npgsql;
using OpenTelemetry.Proto.Collector.Logs.V1;
using Vigil.Otlp;

namespace Vigil.Benchmarks.Fleet;

/// <summary>
/// The OTLP half of bench/fleet_bench.sh: the same fleet pushed to a running <c>vigil serve</c> (<c>POST /v1/logs</c>,
/// protobuf, one request per host-day) by <c>PARALLEL</c> senders, then the events PostgreSQL holds counted.
/// The senders stand in for the fleet's hosts, which encode their batches on their own CPUs: every request body is
/// encoded before the clock starts, so the clock and the CPU figures hold what Vigil's machine pays (receive, decode,
/// map, store) and the sending of pre-built bytes.
/// </summary>
internal static class FleetOtlpBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length < 3)
        {
            Console.Error.WriteLine("usage: fleet-otlp URL INGEST_KEY CONNECTION_STRING [HOSTS=500] [DAYS=8] [PER_HOUR=20] [PARALLEL=2]");
            return 2;
        }

        var url = new Uri(new Uri(args[0]), "/v1/logs");
        var key = args[1];
        var connectionString = args[2];
        var hosts = Arg(args, 3, 500);
        var days = Arg(args, 4, 8);
        var perHour = Arg(args, 5, 20);
        var parallel = Arg(args, 6, 2);
        var end = DateTime.UtcNow.Date;
        var start = end.AddDays(-days);
        long rows = (long)hosts * days * 24 * perHour;

        // The serve process's CPU is counted when the script names it (VIGIL_BENCH_SERVE_PID).
        var bodies = new byte[hosts * days][];
        for (var host = 0; host < hosts; host++)
        {
            for (var d = 0; d < days; d++)
            {
                var request = new ExportLogsServiceRequest();
                request.ResourceLogs.Add(OtlpLogEncoder.ToResourceLogs(FleetRows.Host(host), "syslog", FleetRows.Day(host, start.AddDays(d), perHour)));
                bodies[(host * days) + d] = request.ToByteArray();
            }
        }

        var servePid = int.TryParse(Environment.GetEnvironmentVariable("VIGIL_BENCH_SERVE_PID"), out var p) ? p : 0;
        var cpu = await CpuMeter.ForAsync(connectionString, servePid);
        var before = cpu.Read();
        using var client = new HttpClient { Timeout = TimeSpan.FromMinutes(2) };
        var clock = Stopwatch.StartNew();
        var failures = 0;
        await Parallel.ForEachAsync(Enumerable.Range(0, hosts), new ParallelOptions { MaxDegreeOfParallelism = parallel }, async (host, ct) =>
        {
            for (var d = 0; d < days; d++)
            {
                using var content = new ByteArrayContent(bodies[(host * days) + d]);
                content.Headers.ContentType = new MediaTypeHeaderValue("application/x-protobuf");
                using var message = new HttpRequestMessage(HttpMethod.Post, url) { Content = content };
                message.Headers.Add("X-Api-Key", key);
                using var response = await client.SendAsync(message, ct);
                if (!response.IsSuccessStatusCode)
                {
                    Interlocked.Increment(ref failures);
                }
            }
        });
        var elapsed = clock.Elapsed;
        var after = cpu.Read();

        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT COALESCE(sum(events), 0)::bigint FROM sources WHERE name LIKE 'host:%'", connection);
        var stored = (long)(await count.ExecuteScalarAsync())!;
        Console.WriteLine($"{"OTLP push -> vigil serve (" + parallel + " senders)",-34} {elapsed.TotalSeconds,8:F2} s {rows / elapsed.TotalSeconds,12:N0} events/s   stored {stored:N0}, {failures} requests refused");
        var (sender, serve, server) = (after.Self - before.Self, after.Others - before.Others, after.Server - before.Server);
        Console.WriteLine($"  CPU: senders {sender:F1} s + vigil serve {serve:F1} s + PostgreSQL {server:F1} s = {(sender + serve + server) * 1e6 / rows:F1} us/event ({(serve + server) * 1e6 / rows:F1} without the senders)");
        Console.WriteLine($"  CPU per event: senders {sender * 1e6 / rows:F1} us, vigil serve {serve * 1e6 / rows:F1} us, PostgreSQL {server * 1e6 / rows:F1} us");
        return stored == rows && failures == 0 ? 0 : 1;
    }

    private static int Arg(string[] args, int index, int fallback) =>
        args.Length > index ? int.Parse(args[index], CultureInfo.InvariantCulture) : fallback;
}
