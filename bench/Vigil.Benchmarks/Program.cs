using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Evtx;

// Run: dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*'
// Side-by-side scripts: dotnet run -c Release --project bench/Vigil.Benchmarks -- evtx-dump FILE [xml|jsonl] [THREADS]
if (args.Length > 0 && args[0] == "evtx-dump")
{
    return EvtxDumpEntry.Run(args[1..]);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
