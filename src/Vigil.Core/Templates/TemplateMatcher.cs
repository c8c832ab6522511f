namespace Vigil.Core.Templates;

/// <summary>Drain's leaf search: the template sharing the most tokens with the message, if enough are shared.</summary>
internal static class TemplateMatcher
{
    public static TemplateCluster? Best(List<TemplateCluster> candidates, TokenBuffer tokens, double threshold)
    {
        TemplateCluster? best = null;
        var bestSimilarity = -1.0;
        var bestWildcards = -1;
        foreach (var candidate in candidates)
        {
            var similarity = Similarity(candidate.Tokens, tokens);
            if (similarity > bestSimilarity || (similarity == bestSimilarity && candidate.WildcardCount > bestWildcards))
            {
                best = candidate;
                bestSimilarity = similarity;
                bestWildcards = candidate.WildcardCount;
            }
        }

        return best is not null && bestSimilarity >= threshold ? best : null;
    }

    /// <summary>Turns every template token the message disagrees with into a wildcard.</summary>
    public static void Widen(TemplateCluster cluster, TokenBuffer tokens)
    {
        var template = cluster.Tokens;
        for (var i = 0; i < template.Length; i++)
        {
            if (!TemplateCluster.IsWildcard(template[i]) && !tokens[i].SequenceEqual(template[i]))
            {
                cluster.Widen(i);
            }
        }
    }

    // A masked token counts as shared with a wildcard: both say "a variable is here", and a message made mostly
    // of numbers would otherwise never reach the threshold of its own template.
    private static double Similarity(string[] template, TokenBuffer tokens)
    {
        if (template.Length == 0)
        {
            return 1.0;
        }

        var same = 0;
        for (var i = 0; i < template.Length; i++)
        {
            var token = tokens[i];
            same += TemplateCluster.IsWildcard(template[i])
                ? (token.SequenceEqual(TokenMasker.Wildcard) ? 1 : 0)
                : (token.SequenceEqual(template[i]) ? 1 : 0);
        }

        return (double)same / template.Length;
    }
}
