using Vigil.Core.Features;

namespace Vigil.Core.Tests.Forest.Support;

/// <summary>A test matrix whose rows listed in <see cref="Planted"/> were made abnormal on purpose.</summary>
internal sealed record PlantedMatrix(string Name, FeatureMatrix Matrix, int[] Planted)
{
    public override string ToString() => Name;
}
