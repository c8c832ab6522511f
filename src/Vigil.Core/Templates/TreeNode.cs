namespace Vigil.Core.Templates;

/// <summary>A node of the fixed-depth parse tree; leaves hold the templates filed under their path.</summary>
internal sealed class TreeNode
{
    private readonly Dictionary<string, TreeNode> _children = new(StringComparer.Ordinal);
    private readonly Dictionary<string, TreeNode>.AlternateLookup<ReadOnlySpan<char>> _bySpan;

    public TreeNode(string key)
    {
        Key = key;
        _bySpan = _children.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public string Key { get; }

    public int ChildCount => _children.Count;

    public List<TemplateCluster> Clusters { get; } = [];

    /// <summary>This node and all below it.</summary>
    public int Count() => 1 + _children.Values.Sum(c => c.Count());

    public TreeNode? Find(ReadOnlySpan<char> key) => _bySpan.TryGetValue(key, out var child) ? child : null;

    public TreeNode GetOrAdd(ReadOnlySpan<char> key)
    {
        if (_bySpan.TryGetValue(key, out var child))
        {
            return child;
        }

        var name = key.SequenceEqual(TokenMasker.Wildcard) ? TokenMasker.Wildcard : key.ToString();
        child = new TreeNode(name);
        _children.Add(name, child);
        return child;
    }
}
