using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Core.Forest;

/// <summary>
/// Walks eight rows at once down padded perfect trees with AVX2: per level, one gather for the rows' values and,
/// below the top four levels, one each for the nodes' features and thresholds. Sums are added lane by lane in tree order, so the
/// result is bit for bit the scalar walk's.
/// </summary>
internal static unsafe class VectorTreeWalk
{
    public const int Lanes = 8;
    public const int MaxGroups = 8;

    // Levels 0-3 of a tree fit one 8-lane register each.
    private const int RegisterLevels = 4;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Adds the path lengths of <paramref name="groups"/> × 8 rows; the caller guarantees every index in range:
    /// features below the row width, leaf positions below the leaf count, groups at most <see cref="MaxGroups"/>.
    /// </summary>
    public static void AddPathLengths(
        float* rows, int columns, int groups, int* features, float* thresholds, double* leaves, int trees, int depth, double* depths)
    {
        var internalCount = (1 << depth) - 1;
        var leafCount = 1 << depth;
        var position = stackalloc Vector256<int>[MaxGroups];
        var rowStart = stackalloc Vector256<int>[MaxGroups];
        var lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7) * columns;
        for (var g = 0; g < groups; g++)
        {
            rowStart[g] = Vector256.Create(g * Lanes * columns) + lane;
        }

        for (var t = 0; t < trees; t++)
        {
            var treeFeatures = features + (t * internalCount);
            var treeThresholds = thresholds + (t * internalCount);

            // Bottom-level positions start at internalCount; shifting the base makes them leaf indexes.
            var treeLeaves = leaves + (t * leafCount) - internalCount;
            for (var g = 0; g < groups; g++)
            {
                position[g] = Vector256<int>.Zero;
            }

            // The top four levels hold at most 8 nodes each: one register per level, picked from by permutes
            // instead of gathers, which are the slow part of a step. Needs the 15 nodes to exist (depth >= 4).
            var level = 0;
            for (; level < RegisterLevels && depth >= RegisterLevels; level++)
            {
                var first = (1 << level) - 1;
                var levelFeatures = Avx.LoadVector256(treeFeatures + first);
                var levelThresholds = Avx.LoadVector256(treeThresholds + first);
                var levelStart = Vector256.Create(first);
                for (var g = 0; g < groups; g++)
                {
                    var i = position[g];
                    var inLevel = i - levelStart;
                    var feature = Avx2.PermuteVar8x32(levelFeatures, inLevel);
                    var threshold = Avx2.PermuteVar8x32(levelThresholds, inLevel);
                    position[g] = Step(i, Avx2.GatherVector256(rows, rowStart[g] + feature, 4), threshold);
                }
            }

            // With AVX-512 two-table permutes the next two levels (16 and 32 nodes) avoid gathers as well.
            for (; level >= RegisterLevels && level < RegisterLevels + 2 && level < depth && Avx512F.VL.IsSupported; level++)
            {
                var first = (1 << level) - 1;
                var levelStart = Vector256.Create(first);
                for (var g = 0; g < groups; g++)
                {
                    var i = position[g];
                    var inLevel = i - levelStart;
                    var feature = Pick(treeFeatures + first, inLevel, level);
                    var threshold = Pick((int*)(treeThresholds + first), inLevel, level).AsSingle();
                    position[g] = Step(i, Avx2.GatherVector256(rows, rowStart[g] + feature, 4), threshold);
                }
            }

            for (; level < depth; level++)
            {
                for (var g = 0; g < groups; g++)
                {
                    var i = position[g];
                    var feature = Avx2.GatherVector256(treeFeatures, i, 4);
                    var threshold = Avx2.GatherVector256(treeThresholds, i, 4);
                    position[g] = Step(i, Avx2.GatherVector256(rows, rowStart[g] + feature, 4), threshold);
                }
            }

            for (var g = 0; g < groups; g++)
            {
                var sum = depths + (g * Lanes);
                var low = Avx2.GatherVector256(treeLeaves, position[g].GetLower(), 8);
                var high = Avx2.GatherVector256(treeLeaves, position[g].GetUpper(), 8);
                Avx.Store(sum, Avx.LoadVector256(sum) + low);
                Avx.Store(sum + 4, Avx.LoadVector256(sum + 4) + high);
            }
        }
    }

    // Level 4 holds 16 nodes, one two-register permute; level 5 holds 32, two of them and a select on bit 4.
    // Permutes only move bits, so thresholds go through as ints.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Pick(int* nodes, Vector256<int> inLevel, int level)
    {
        var low = Avx512F.VL.PermuteVar8x32x2(Avx.LoadVector256(nodes), inLevel, Avx.LoadVector256(nodes + 8));
        if (level == RegisterLevels)
        {
            return low;
        }

        var high = Avx512F.VL.PermuteVar8x32x2(Avx.LoadVector256(nodes + 16), inLevel, Avx.LoadVector256(nodes + 24));
        return Vector256.ConditionalSelect(Vector256.Equals(inLevel & Vector256.Create(16), Vector256.Create(16)), high, low);
    }

    // All ones (-1) where the row goes right; NaN compares false and goes left, as in the scalar walk.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Step(Vector256<int> position, Vector256<float> value, Vector256<float> threshold) =>
        position + position + Vector256<int>.One - Avx.CompareGreaterThan(value, threshold).AsInt32();
}
