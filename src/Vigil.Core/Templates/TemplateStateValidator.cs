namespace Vigil.Core.Templates;

/// <summary>Checks a saved template before it is filed, so a damaged state fails with a message, not later.</summary>
internal static class TemplateStateValidator
{
    public static TemplateCluster ToCluster(TemplateState saved, int tokenLayers)
    {
        if (saved.Tokens is null || saved.Route is null || saved.Tokens.Any(t => t is null) || saved.Route.Any(r => r is null))
        {
            throw new ArgumentException($"Template miner state: saved template {saved.Id} has missing tokens or route.");
        }

        if (saved.Route.Count != Math.Min(tokenLayers, saved.Tokens.Count) || saved.Id < 1)
        {
            throw new ArgumentException($"Template miner state: saved template {saved.Id} does not fit the saved tree depth.");
        }

        var tokens = saved.Tokens.Select(Intern).ToArray();
        var route = saved.Route.Select(Intern).ToArray();
        return new TemplateCluster(saved.Id, tokens, route)
        {
            Count = saved.Count,
            FirstSeen = saved.FirstSeen,
            LastSeen = saved.LastSeen,
        };
    }

    // Wildcards are recognised by reference, so the one shared instance must replace the deserialised copies.
    private static string Intern(string token) => token == TokenMasker.Wildcard ? TokenMasker.Wildcard : token;
}
