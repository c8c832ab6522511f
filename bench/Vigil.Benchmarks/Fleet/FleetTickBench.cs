using System.Diagnostics;
using System.Globalization;
using Vigil.Core.Windows;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Benchmarks.Fleet;

/// <summary>
/// The scoring half of bench/fleet_bench.sh as <c>vigil serve</c>'s hourly scheduler runs it: one tick over the hour
/// before END for every host scope, through <see cref="FleetDetectionTarget"/> — per scope a tick claim and an hour
/// claim in PostgreSQL, the detection, the claim completed — so the claims' round trips are in the figure.
/// Usage: fleet-tick CONFIG END CONNECTION_STRING (END: the end of the hour, ISO 8601 UTC; the connection string only
/// finds the PostgreSQL server whose CPU is counted).
/// </summary>
internal static class FleetTickBench
{
    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Length != 3)
        {
            Console.Error.WriteLine("usage: fleet-tick CONFIG END CONNECTION_STRING");
            return 2;
        }

        var end = DateTime.Parse(args[1], CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        using var context = new VigilContext(ConfigLoader.Load(args[0]));
        var warnings = 0;
        var target = new FleetDetectionTarget(context, _ => Interlocked.Increment(ref warnings));
        var meter = await CpuMeter.ForAsync(args[2]).ConfigureAwait(false);
        var before = meter.Read();
        var clock = Stopwatch.StartNew();
        await target.ScoreAsync(new HourRange(end.AddHours(-1), end), CancellationToken.None).ConfigureAwait(false);
        clock.Stop();
        var after = meter.Read();
        Console.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"one scheduler tick, all hosts (claims + scoring)   {clock.Elapsed.TotalSeconds,8:0.00} s  CPU {after.Self - before.Self:0.0} s vigil + {after.Server - before.Server:0.0} s PostgreSQL  ({warnings} warnings)"));
        return 0;
    }
}
