namespace Vigil.Core.Tests.Forest.Support;

/// <summary>scikit-learn's results on every planted matrix, computed once per test class in one Python process.</summary>
public sealed class ScikitLearnReference
{
    public static readonly string[] Names = ["hourly", "blob", "constant-columns", "duplicated-rows"];

    private readonly Lazy<Dictionary<string, (double[] Scores, bool[] Anomalies)>> _results = new(() =>
    {
        var matrices = Names.Select(n => PlantedMatrices.Get(n).Matrix).ToArray();
        return Names.Zip(ScikitLearnForest.FitAndScore(matrices)).ToDictionary(p => p.First, p => p.Second);
    });

    internal (double[] Scores, bool[] Anomalies) For(string name) => _results.Value[name];
}
