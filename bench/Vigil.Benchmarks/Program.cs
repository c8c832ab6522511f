using BenchmarkDotNet.Running;
using Vigil.Benchmarks.Forest;

// Run: dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*'
// Side by side with scikit-learn: bench/forest_vs_sklearn.sh (uses the "forest-csv <file>" mode below).
if (args is ["forest-csv", var csv])
{
    return ForestCsvRunner.Run(csv);
}

BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
return 0;
