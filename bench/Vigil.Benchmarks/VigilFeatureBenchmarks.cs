using BenchmarkDotNet.Attributes;
using Vigil.Core.Events;
using Vigil.Core.Features;
using Vigil.Core.Forest;
using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Benchmarks;

/// <summary>
/// The vigil model's feature building for one host-year (8,760 hourly windows of ~20 kinds): the per-row cost times
/// 1,000 hosts is what 8.76M rows take. Compare with the forest's own fit/score benchmarks.
/// </summary>
[MemoryDiagnoser]
public class VigilFeatureBenchmarks
{
    private List<HourWindow> _windows = [];
    private VigilFeatureSpace _space = null!;
    private double[] _levels = [];

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(7);
        var start = new DateTime(2026, 1, 5, 0, 0, 0, DateTimeKind.Utc);
        for (var h = 0; h < 8760; h++)
        {
            var w = new HourWindow(start.AddHours(h));
            for (var kind = 0; kind < 20; kind++)
            {
                for (var i = random.Next(kind < 5 ? 20 : 3); i > 0; i--)
                {
                    w.Add(new LogEvent(w.Hour, kind % 7 == 0 ? LevelMapping.Error : LevelMapping.Information, 7000 + kind, "Provider" + (kind % 4), kind % 2 == 0 ? "System" : "Security", "host", "message", string.Empty));
                }
            }

            _windows.Add(w);
        }

        var model = VigilModel.Train(_windows.GetRange(0, 168), new IsolationForestOptions(), "bench", start.AddDays(7));
        _space = new VigilFeatureSpace(model.Document.Vigil!);
        _levels = new double[_windows.Count];
        Array.Fill(_levels, 1.0);
    }

    [Benchmark]
    public FeatureMatrix BuildFeaturesForOneHostYear() => _space.Build(_windows, _levels, 0);
}
