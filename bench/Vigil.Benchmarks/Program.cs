using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Evtx;
using Vigil.Benchmarks.Forest;

// Run: dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*'
// Side by side with scikit-learn: bench/forest_vs_sklearn.sh (uses the "forest-csv <file>" mode below).
// Forest scoring alone, for perf and A/B of two builds: ... -- forest-score CSV|gauss:100000x50 [ROUNDS]
// Side by side with evtxexport: dotnet run -c Release --project bench/Vigil.Benchmarks -- evtx-dump FILE [xml|jsonl] [THREADS]
// Where an EVTX dump's time goes (read, walk, xml, jsonl on 1 and N threads, warmed up): ... -- evtx-stages FILE [THREADS] [ROUNDS]
if (args is ["forest-csv", var csv])
{
    return ForestCsvRunner.Run(csv);
}

if (args is ["forest-score", var scoreCsv, ..])
{
    return ForestScoreLoop.Run(scoreCsv, args.Length > 2 ? int.Parse(args[2], System.Globalization.CultureInfo.InvariantCulture) : 20);
}

if (args.Length > 0 && args[0] == "evtx-stages")
{
    return EvtxStagesEntry.Run(args[1..]);
}

if (args.Length > 0 && args[0] == "evtx-dump")
{
    return EvtxDumpEntry.Run(args[1..]);
}

// The store half of bench/fleet_bench.sh: fleet-store CONNECTION_STRING [HOSTS] [DAYS] [PER_HOUR] [PARALLEL]
if (args.Length > 0 && args[0] == "fleet-store")
{
    return await Vigil.Benchmarks.Fleet.FleetStoreBench.RunAsync(args[1..]);
}

// serve's hourly scheduler, one tick over a trained fleet (claims + scoring): fleet-tick CONFIG END CONNECTION_STRING
if (args.Length > 0 && args[0] == "fleet-tick")
{
    return await Vigil.Benchmarks.Fleet.FleetTickBench.RunAsync(args[1..]);
}

if (args.Length > 0 && args[0] == "fleet-otlp")
{
    return await Vigil.Benchmarks.Fleet.FleetOtlpBench.RunAsync(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
