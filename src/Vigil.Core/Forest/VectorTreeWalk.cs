using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Vigil.Core.Forest;

/// <summary>
/// Walks eight rows at once down padded perfect trees with AVX2, reading the rows from a column-major block. The top
/// four levels load the rows' values (a few features per level) and pick thresholds from registers; below, one gather
/// per level fetches the values, with features and thresholds picked by permutes down to level 7 with AVX-512, else
/// gathered too. Gathers are the slow part of a step. Sums are added lane by lane in tree order, so the result is bit
/// for bit the scalar walk's.
/// </summary>
internal static unsafe class VectorTreeWalk
{
    public const int Lanes = 8;
    public const int MaxGroups = 8;

    // Levels 0-3 of a tree fit one 8-lane register each, and read the rows' values with loads and blends, no gather.
    // Measured (best of 30 rounds, CPU time) at 100000x50 and 10000x20: loading four levels (15 loads) beat two by
    // 3-5%; five were no better. A gather costs about as much as 16 loads and blends on this CPU (AMD Zen 4).
    private const int RegisterLevels = 4;

    // Levels 4 to PickedLevels - 1 pick their nodes with AVX-512 permutes when the CPU has them.
    private const int PickedLevels = 8;

    public static bool IsSupported => Avx2.IsSupported;

    /// <summary>
    /// Adds the path lengths of <paramref name="groups"/> × 8 rows, stored column by column with rows
    /// <see cref="MaxGroups"/> × 8 apart; <paramref name="features"/> are the nodes' column offsets in that block. The
    /// caller guarantees every index in range: offsets inside the block, groups at most <see cref="MaxGroups"/>.
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

            // The top four levels hold at most 8 nodes each: one register of thresholds per level, picked from by a
            // permute, and at most 8 features whose values are loaded. Needs the 15 nodes to exist (depth >= 4).
            var level = 0;
            for (; level < RegisterLevels && depth >= RegisterLevels; level++)
            {
                var first = (1 << level) - 1;
                var levelThresholds = Avx.LoadVector256(treeThresholds + first);
                var levelStart = Vector256.Create(first);
                for (var g = 0; g < groups; g++)
                {
                    var i = position[g];
                    var inLevel = i - levelStart;
                    var threshold = Avx2.PermuteVar8x32(levelThresholds, inLevel);
                    position[g] = Step(i, Loaded(byColumn + (g * Lanes), treeFeatures + first, inLevel, level), threshold);
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
    // four of them, and blends on bits 5 and 6 of the lane's place keep its node's. Permutes only move bits, so
    // thresholds go through as ints.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Pick(int* nodes, Vector256<int> inLevel, int level)
    {
        if (level == RegisterLevels)
        {
            return Avx512F.VL.PermuteVar8x32x2(Avx.LoadVector256(nodes), inLevel, Avx.LoadVector256(nodes + 8));
        }

        var index = inLevel.ToVector512Unsafe();
        if (level == 5)
        {
            return Table(nodes, index);
        }

        var bit5 = (inLevel << 26).AsSingle();
        var six = Avx.BlendVariable(Table(nodes, index).AsSingle(), Table(nodes + 32, index).AsSingle(), bit5);
        if (level == 6)
        {
            return six.AsInt32();
        }

        var upper = Avx.BlendVariable(Table(nodes + 64, index).AsSingle(), Table(nodes + 96, index).AsSingle(), bit5);
        return Avx.BlendVariable(six, upper, (inLevel << 25).AsSingle()).AsInt32();
    }

    // 32 nodes, picked by the low five bits of each lane's index.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Table(int* nodes, Vector512<int> index) =>
        Avx512F.PermuteVar16x32x2(Avx512F.LoadVector512(nodes), index, Avx512F.LoadVector512(nodes + 16)).GetLower();

    // The top levels have few nodes, so few features: the rows' values of each are eight consecutive floats of the
    // column-major block, loaded whole; a tournament of blends, one per bit of the lane's place in the level, keeps
    // the one of each lane's node. Cheaper than a gather up there.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Loaded(float* column, int* offsets, Vector256<int> inLevel, int level)
    {
        if (level == 0)
        {
            return Avx.LoadVector256(column + offsets[0]);
        }

        var m0 = (inLevel << 31).AsSingle();
        if (level == 1)
        {
            return L1(column, offsets, m0);
        }

        var m1 = (inLevel << 30).AsSingle();
        if (level == 2)
        {
            return L2(column, offsets, m0, m1);
        }

        return Avx.BlendVariable(L2(column, offsets, m0, m1), L2(column, offsets + 4, m0, m1), (inLevel << 29).AsSingle());
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> L1(float* column, int* offsets, Vector256<float> m0) =>
        Avx.BlendVariable(Avx.LoadVector256(column + offsets[0]), Avx.LoadVector256(column + offsets[1]), m0);

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> L2(float* column, int* offsets, Vector256<float> m0, Vector256<float> m1) =>
        Avx.BlendVariable(L1(column, offsets, m0), L1(column, offsets + 2, m0), m1);

    // All ones (-1) where the row goes right; NaN compares false and goes left, as in the scalar walk.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<int> Step(Vector256<int> position, Vector256<float> value, Vector256<float> threshold) =>
        position + position + Vector256<int>.One - Avx.CompareGreaterThan(value, threshold).AsInt32();
}
