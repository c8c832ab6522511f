using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Core.Forest;

/// <summary>
/// Walks eight rows at once down padded perfect trees with AVX2: per level, one gather for the rows' values (plain
/// loads from a column-major copy of the block at the top two levels) and the nodes' features and thresholds picked by
/// permutes from registers (top four levels; down to level 7 with AVX-512), else gathered too. Gathers are the slow
/// part of a step. Sums are added lane by lane in tree order, so the result is bit for bit the scalar walk's.
/// </summary>
internal static unsafe class VectorTreeWalk
{
    public const int Lanes = 8;
    public const int MaxGroups = 8;

    // Levels 0-3 of a tree fit one 8-lane register each.
    private const int RegisterLevels = 4;

    // Levels 4 to PickedLevels - 1 pick their nodes with AVX-512 permutes when the CPU has them.
    private const int PickedLevels = 8;

    // Levels 0 to LoadedLevels - 1 read the rows' values with plain loads from the column-major block.
    // Measured at 100000x50 and 10000x20: two levels (1 + 2 loads) beat gathers by ~8%; three (7 loads) lose.
    private const int LoadedLevels = 2;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Adds the path lengths of <paramref name="groups"/> × 8 rows; the caller guarantees every index in range:
    /// features below the row width, leaf positions below the leaf count, groups at most <see cref="MaxGroups"/>.
    /// </summary>
    public static void AddPathLengths(
        float* byColumn, int groups, int* features, float* thresholds, double* leaves, int trees, int depth, double* depths)
    {
        var internalCount = (1 << depth) - 1;
        var leafCount = 1 << depth;
        var position = stackalloc Vector256<int>[MaxGroups];
        var rowStart = stackalloc Vector256<int>[MaxGroups];
        var lane = Vector256.Create(0, 1, 2, 3, 4, 5, 6, 7);
        for (var g = 0; g < groups; g++)
        {
            rowStart[g] = Vector256.Create(g * Lanes) + lane;
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
                    var value = level < LoadedLevels
                        ? Loaded(byColumn + (g * Lanes), treeFeatures + first, inLevel, level)
                        : Avx2.GatherVector256(byColumn, rowStart[g] + feature, 4);
                    position[g] = Step(i, value, threshold);
                }
            }

            // With AVX-512, two-table permutes pick the next levels' nodes (up to 128 of them) as well.
            for (; level >= RegisterLevels && level < PickedLevels && level < depth && Avx512F.IsSupported; level++)
            {
                var first = (1 << level) - 1;
                var levelStart = Vector256.Create(first);
                for (var g = 0; g < groups; g++)
                {
                    var i = position[g];
                    var inLevel = i - levelStart;
                    var feature = Pick(treeFeatures + first, inLevel, level);
                    var threshold = Pick((int*)(treeThresholds + first), inLevel, level).AsSingle();
                    position[g] = Step(i, Avx2.GatherVector256(byColumn, rowStart[g] + feature, 4), threshold);
                }
            }

            for (; level < depth; level++)
            {
                for (var g = 0; g < groups; g++)
                {
                    var i = position[g];
                    var feature = Avx2.GatherVector256(treeFeatures, i, 4);
                    var threshold = Avx2.GatherVector256(treeThresholds, i, 4);
                    position[g] = Step(i, Avx2.GatherVector256(byColumn, rowStart[g] + feature, 4), threshold);
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

    // Level 4 holds 16 nodes, level 5 32: one two-table permute of 512 bits; levels 6 and 7 hold 64 and 128, two and
    // four of them, each lane taking the one its bits 5-6 name. Permutes only move bits, so thresholds go through as ints.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Pick(int* nodes, Vector256<int> inLevel, int level)
    {
        var index = inLevel.ToVector512Unsafe();
        if (level <= 5)
        {
            return level == RegisterLevels
                ? Avx512F.VL.PermuteVar8x32x2(Avx.LoadVector256(nodes), inLevel, Avx.LoadVector256(nodes + 8))
                : Avx512F.PermuteVar16x32x2(Avx512F.LoadVector512(nodes), index, Avx512F.LoadVector512(nodes + 16)).GetLower();
        }

        var table = inLevel >>> 5;
        var picked = Avx512F.PermuteVar16x32x2(Avx512F.LoadVector512(nodes), index, Avx512F.LoadVector512(nodes + 16)).GetLower();
        var tables = 1 << (level - 5);
        for (var k = 1; k < tables; k++)
        {
            var other = Avx512F.PermuteVar16x32x2(Avx512F.LoadVector512(nodes + (32 * k)), index, Avx512F.LoadVector512(nodes + (32 * k) + 16)).GetLower();
            picked = Vector256.ConditionalSelect(Vector256.Equals(table, Vector256.Create(k)), other, picked);
        }

        return picked;
    }

    // The top levels have few nodes, so few features: the rows' values of each are eight consecutive floats of the
    // column-major block, loaded whole, and each lane keeps the one of its node. Cheaper than a gather up there.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Loaded(float* byColumn, int* levelFeatures, Vector256<int> inLevel, int level)
    {
        var value = Avx.LoadVector256(byColumn + levelFeatures[0]);
        for (var k = 1; k < 1 << level; k++)
        {
            var other = Avx.LoadVector256(byColumn + levelFeatures[k]);
            value = Vector256.ConditionalSelect(Vector256.Equals(inLevel, Vector256.Create(k)).AsSingle(), other, value);
        }

        return value;
    }

    // All ones (-1) where the row goes right; NaN compares false and goes left, as in the scalar walk.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Step(Vector256<int> position, Vector256<float> value, Vector256<float> threshold) =>
        position + position + Vector256<int>.One - Avx.CompareGreaterThan(value, threshold).AsInt32();
}
