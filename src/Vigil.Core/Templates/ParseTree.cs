namespace Vigil.Core.Templates;

/// <summary>
/// Drain's parse tree: messages are split first by token count, then by their leading tokens (tokens holding a
/// digit or a mask share the wildcard branch), and a leaf's few templates are compared token by token.
/// </summary>
internal sealed class ParseTree(int tokenLayers, int maxChildren)
{
    private readonly Dictionary<int, TreeNode> _byLength = [];
    private readonly TreeNode[] _path = new TreeNode[Math.Max(tokenLayers, 0)];

    /// <summary>Nodes in the tree: with the templates, all the memory the miner holds.</summary>
    public int NodeCount => _byLength.Values.Sum(n => n.Count());

    /// <summary>Walks (and, with <paramref name="grow"/>, grows) the tree to the leaf for <paramref name="tokens"/>; null when it is not there.</summary>
    public TreeNode? Descend(TokenBuffer tokens, out int depth, bool grow = true)
    {
        depth = Math.Min(tokenLayers, tokens.Count);
        if (!_byLength.TryGetValue(tokens.Count, out var node))
        {
            if (!grow)
            {
                return null;
            }

            node = new TreeNode(string.Empty);
            _byLength.Add(tokens.Count, node);
        }

        for (var i = 0; i < depth; i++)
        {
            var key = KeyOf(tokens[i]);
            var next = grow ? Step(node, key) : node.Find(key) ?? node.Find(TokenMasker.Wildcard);
            if (next is null)
            {
                return null;
            }

            node = next;
            _path[i] = node;
        }

        return node;
    }

    /// <summary>The keys of the path last walked by <see cref="Descend"/>, saved so a restore refiles exactly.</summary>
    public string[] LastRoute(int depth)
    {
        var route = new string[depth];
        for (var i = 0; i < depth; i++)
        {
            route[i] = _path[i].Key;
        }

        return route;
    }

    public void Restore(TemplateCluster cluster)
    {
        if (!_byLength.TryGetValue(cluster.Tokens.Length, out var node))
        {
            node = new TreeNode(string.Empty);
            _byLength.Add(cluster.Tokens.Length, node);
        }

        // Keys are mapped again, so a state saved when "node-<*>" was its own key files under today's route.
        foreach (var key in cluster.Route)
        {
            node = node.GetOrAdd(KeyOf(key));
        }

        node.Clusters.Add(cluster);
    }

    private TreeNode Step(TreeNode node, ReadOnlySpan<char> key)
    {
        var child = node.Find(key);
        if (child is not null)
        {
            return child;
        }

        var isWildcard = key.SequenceEqual(TokenMasker.Wildcard);
        var wildcard = isWildcard ? null : node.Find(TokenMasker.Wildcard);
        if (wildcard is not null && node.ChildCount >= maxChildren)
        {
            return wildcard;
        }

        return node.ChildCount + 1 < maxChildren || isWildcard
            ? node.GetOrAdd(key)
            : node.GetOrAdd(TokenMasker.Wildcard);
    }

    // A token that held a variable (digits, or a part the masker replaced: "node-<*>") routes like a variable, so
    // messages differing only there meet in one leaf and are compared.
    private static ReadOnlySpan<char> KeyOf(ReadOnlySpan<char> token) =>
        token.ContainsAnyInRange('0', '9') || token.IndexOf(TokenMasker.Wildcard) >= 0 ? TokenMasker.Wildcard : token;
}
