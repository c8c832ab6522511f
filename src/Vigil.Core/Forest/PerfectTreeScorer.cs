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
    private const int BlockRows = 64;

    private readonly int _depth;
    private readonly int _internalCount;
    private readonly int _leafCount;
    private readonly int _trees;
    private readonly int _columns;
    private readonly SplitNode[] _nodes;
    private readonly double[] _leaves;

    private PerfectTreeScorer(ForestData data, int depth)
    {
        _depth = depth;
        _leafCount = 1 << depth;
        _internalCount = _leafCount - 1;
        _trees = data.Roots.Length;
        _columns = data.FeatureCount;
        _nodes = new SplitNode[_trees * _internalCount];
        _leaves = new double[_trees * _leafCount];

        // A pass-through node sends every row left: nothing, not even NaN, compares greater than +infinity.
        Array.Fill(_nodes, new SplitNode(float.PositiveInfinity, 0));
        for (var t = 0; t < _trees; t++)
        {
            Place(data, t, data.Roots[t], 0, 0);
        }
    }

    public int MaxRowsPerCall => BlockRows;

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

    public void AddPathLengths(ReadOnlySpan<float> rows, int rowCount, Span<double> depths)
    {
        // The unchecked reads below rely on these, and on every stored feature being below _columns.
        ArgumentOutOfRangeException.ThrowIfGreaterThan(rowCount, BlockRows);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows.Length, rowCount * _columns);
        ArgumentOutOfRangeException.ThrowIfLessThan(depths.Length, rowCount);

        Span<int> position = stackalloc int[BlockRows];
        Span<int> rowStart = stackalloc int[BlockRows];
        for (var r = 0; r < rowCount; r++)
        {
            rowStart[r] = r * _columns;
        }

        ref var x = ref MemoryMarshal.GetReference(rows);
        ref var nodes = ref MemoryMarshal.GetArrayDataReference(_nodes);
        ref var leaves = ref MemoryMarshal.GetArrayDataReference(_leaves);
        for (var t = 0; t < _trees; t++)
        {
            ref var tree = ref Unsafe.Add(ref nodes, t * _internalCount);
            position[..rowCount].Clear();
            for (var level = 0; level < _depth; level++)
            {
                for (var r = 0; r < rowCount; r++)
                {
                    var i = position[r];
                    ref var node = ref Unsafe.Add(ref tree, i);
                    var value = Unsafe.Add(ref x, rowStart[r] + node.Feature);
                    position[r] = (2 * i) + 1 + (value > node.Threshold ? 1 : 0);
                }
            }

            ref var treeLeaves = ref Unsafe.Add(ref leaves, (t * _leafCount) - _internalCount);
            for (var r = 0; r < rowCount; r++)
            {
                depths[r] += Unsafe.Add(ref treeLeaves, position[r]);
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
            _nodes[(tree * _internalCount) + target] = new SplitNode(FloatThreshold.AtMost(data.Value[source]), data.Feature[source]);
            Place(data, tree, data.Left[source], (2 * target) + 1, level + 1);
            Place(data, tree, data.Left[source] + 1, (2 * target) + 2, level + 1);
            return;
        }

        // Every bottom-level slot under a raised leaf gets its value; the pass-through nodes reach the leftmost one.
        var below = _depth - level;
        var first = ((target + 1) << below) - 1 - _internalCount;
        _leaves.AsSpan((tree * _leafCount) + first, 1 << below).Fill(data.Value[source]);
    }

    [StructLayout(LayoutKind.Sequential)]
    private readonly record struct SplitNode(float Threshold, int Feature);
}
