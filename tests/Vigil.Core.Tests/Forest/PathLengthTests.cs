using Vigil.Core.Forest;

namespace Vigil.Core.Tests.Forest;

public sealed class PathLengthTests
{
    // Values printed by scikit-learn 1.2.1's sklearn.ensemble._iforest._average_path_length.
    [Theory]
    [InlineData(0, 0.0)]
    [InlineData(1, 0.0)]
    [InlineData(2, 1.0)]
    [InlineData(3, 1.207392357589623)]
    [InlineData(10, 3.748880484475504)]
    [InlineData(256, 10.244770920119917)]
    [InlineData(100000, 22.180282259643523)]
    public void AveragePathLengthMatchesScikitLearn(int n, double expected)
    {
        Assert.Equal(expected, PathLength.Average(n), 1e-12);
    }
}
