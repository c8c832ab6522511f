using BenchmarkDotNet.Running;

// Run: dotnet run -c Release --project bench/Vigil.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
