using System.Buffers;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;

namespace Vigil.Core.Forest;

/// <summary>
/// The forest re-laid as perfect binary trees of one depth, heap-ordered (children of i are 2i+1 and 2i+2), with a
/// leaf that sits higher up padded by always-left nodes down to the bottom level. Every walk is then the same fixed
/// number of branch-free steps, so a block of rows can go down a tree level by level side by side: the loads of
/// different rows do not depend on each other and the CPU overlaps them, where one row's walk is a chain of misses.
/// </summary>
internal sealed class PerfectTreeScorer : IPathLengthScorer
{
    // Deeper trees (max_samples above 4096) would pad to more memory than they are worth.
    private const int MaxDepth = 12;
    private const int BlockRows = VectorTreeWalk.Lanes * VectorTreeWalk.MaxGroups;

    // A column-major copy of a block up to this size (16 KB) lives on the stack; a wider one is rented.
    private const int MaxStackFloats = 4096;

    private readonly int _depth;
    private readonly int _internalCount;
    private readonly int _leafCount;
    private readonly int _trees;
    private readonly int _columns;
    // Each node's feature as the offset of its column in the column-major block: feature × BlockRows.
    private readonly int[] _offsets;
    private readonly float[] _thresholds;
    private readonly double[] _leaves;

    private PerfectTreeScorer(ForestData data, int depth)
    {
        _depth = depth;
        _leafCount = 1 << depth;
        _internalCount = _leafCount - 1;
        _trees = data.Roots.Length;
        _columns = data.FeatureCount;
        _offsets = new int[_trees * _internalCount];
        _thresholds = new float[_trees * _internalCount];
        _leaves = new double[_trees * _leafCount];

        // A pass-through node sends every row left: nothing, not even NaN, compares greater than +infinity.
        Array.Fill(_thresholds, float.PositiveInfinity);
        for (var t = 0; t < _trees; t++)
        {
            Place(data, t, data.Roots[t], 0, 0);
        }
    }

    public int MaxRowsPerCall => BlockRows;

    /// <summary>Whether blocks go through the AVX2 walk; tests turn it off to compare it with the scalar one.</summary>
    public bool UseVectors { get; set; } = VectorTreeWalk.IsSupported;

    /// <summary>The padded layout, or null when the trees are too deep for it.</summary>
    public static PerfectTreeScorer? TryCreate(ForestData data)
    {
        var depth = 0;
        foreach (var root in data.Roots)
        {
            depth = Math.Max(depth, Depth(data, root, MaxDepth + 1));
            if (depth > MaxDepth)
            {
                return null;
            }
        }

        return new PerfectTreeScorer(data, depth);
    }

    public void AddPathLengths(ReadOnlySpan<double> rows, int rowCount, Span<double> depths)
    {
        // The unchecked reads below rely on these, and on every stored feature being below _columns.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowCount, BlockRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Length, rowCount * _columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(depths.Length, rowCount);

        // The rows column by column, BlockRows apart whatever the row count, so the stored features are offsets.
        var size = _columns * BlockRows;
        float[]? rented = size > MaxStackFloats ? ArrayPool<float>.Shared.Rent(size) : null;
        var byColumn = rented is null ? stackalloc float[size] : rented.AsSpan(0, size);
        Transpose(rows, rowCount, byColumn);

        var vectorRows = UseVectors ? rowCount - (rowCount % VectorTreeWalk.Lanes) : 0;
        if (vectorRows > 0)
        {
            AddVectorPathLengths(byColumn, vectorRows, depths);
        }

        AddScalarPathLengths(byColumn, vectorRows, rowCount, depths);
        if (rented is not null)
        {
            ArrayPool<float>.Shared.Return(rented);
        }
    }

    // Pointers, not spans: with a bounds check per value the copy took a tenth of scoring at 50 features. The values
    // are narrowed to float32 here, in the same pass: a separate conversion pass over the rows was another 5 % (perf).
    private unsafe void Transpose(ReadOnlySpan<double> rows, int rowCount, Span<float> byColumn)
    {
        fixed (double* x = rows)
        fixed (float* target = byColumn)
        {
            for (var r = 0; r < rowCount; r++)
            {
                var row = x + (r * _columns);
                for (var f = 0; f < _columns; f++)
                {
                    target[(f * BlockRows) + r] = (float)row[f];
                }
            }
        }
    }

    private unsafe void AddVectorPathLengths(Span<float> byColumn, int rowCount, Span<double> depths)
    {
        fixed (float* x = byColumn)
        fixed (int* offsets = _offsets)
        fixed (float* thresholds = _thresholds)
        fixed (double* leaves = _leaves)
        fixed (double* sums = depths)
        {
            VectorTreeWalk.AddPathLengths(x, rowCount / VectorTreeWalk.Lanes, offsets, thresholds, leaves, _trees, _depth, sums);
        }
    }

    private void AddScalarPathLengths(ReadOnlySpan<float> byColumn, int firstRow, int endRow, Span<double> depths)
    {
        if (firstRow >= endRow)
        {
            return;
        }

        Span<int> position = stackalloc int[BlockRows];
        ref var x = ref MemoryMarshal.GetReference(byColumn);
        ref var offsets = ref MemoryMarshal.GetArrayDataReference(_offsets);
        ref var thresholds = ref MemoryMarshal.GetArrayDataReference(_thresholds);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
        for (var t = 0; t < _trees; t++)
        {
            var tree = t * _internalCount;
            position.Clear();
            for (var level = 0; level < _depth; level++)
            {
                for (var r = firstRow; r < endRow; r++)
                {
                    var i = position[r];
                    var value = Unsafe.Add(ref x, Unsafe.Add(ref offsets, tree + i) + r);
                    position[r] = (2 * i) + 1 + (value > Unsafe.Add(ref thresholds, tree + i) ? 1 : 0);
                }
            }

            var treeLeaves = (t * _leafCount) - _internalCount;
            for (var r = firstRow; r < endRow; r++)
            {
                depths[r] += Unsafe.Add(ref leaves, treeLeaves + position[r]);
            }
        }
    }

    // Stops counting at limit, so a degenerate deep tree cannot exhaust the stack.
    private static int Depth(ForestData data, int node, int limit) =>
        data.Feature[node] < 0 || limit == 0
            ? 0
            : 1 + Math.Max(Depth(data, data.Left[node], limit - 1), Depth(data, data.Left[node] + 1, limit - 1));

    private void Place(ForestData data, int tree, int source, int target, int level)
    {
        if (data.Feature[source] >= 0)
        {
            _offsets[(tree * _internalCount) + target] = data.Feature[source] * BlockRows;
            _thresholds[(tree * _internalCount) + target] = FloatThreshold.AtMost(data.Value[source]);
            Place(data, tree, data.Left[source], (2 * target) + 1, level + 1);
            Place(data, tree, data.Left[source] + 1, (2 * target) + 2, level + 1);
            return;
        }

        // Every bottom-level slot under a raised leaf gets its value; the pass-through nodes reach the leftmost one.
        var below = _depth - level;
        var first = ((target + 1) << below) - 1 - _internalCount;
        _leaves.AsSpan((tree * _leafCount) + first, 1 << below).Fill(data.Value[source]);
    }
}
