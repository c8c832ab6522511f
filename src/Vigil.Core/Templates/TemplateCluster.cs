namespace Vigil.Core.Templates;

/// <summary>A template being mined; its tokens widen to wildcards as differing messages join it.</summary>
internal sealed class TemplateCluster(int id, string[] tokens, string[] route)
{
    public int Id { get; } = id;

    public string[] Tokens { get; } = tokens;

    public string[] Route { get; } = route;

    public long Count { get; set; }

    public long FirstSeen { get; set; }

    public long LastSeen { get; set; }

    public int WildcardCount { get; private set; } = CountWildcards(tokens);

    public void Widen(int position)
    {
        Tokens[position] = TokenMasker.Wildcard;
        WildcardCount++;
    }

    public static bool IsWildcard(string token) => ReferenceEquals(token, TokenMasker.Wildcard);

    private static int CountWildcards(string[] tokens)
    {
        var count = 0;
        foreach (var token in tokens)
        {
            count += IsWildcard(token) ? 1 : 0;
        }

        return count;
    }
}
