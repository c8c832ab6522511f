using Quickenshtein;

namespace Vigil.Pipeline.Configuration;

/// <summary>The known name a mistyped one was most likely meant to be ("smtp_sever" → "smtp_server"), for one-line hints.</summary>
public static class ClosestName
{
    /// <summary>The candidate nearest to <paramref name="typed"/> by edit distance (case-insensitive), or null when none is near.</summary>
    public static string? Find(string typed, IEnumerable<string> candidates)
    {
        var lowered = typed.ToLowerInvariant();

        // A third of the length: "colection_hours" finds "collection_hours", "--bogus" does not find "--hours".
        var limit = Math.Max(1, lowered.Length / 3);
        string? best = null;
        var bestDistance = int.MaxValue;
        foreach (var candidate in candidates)
        {
            var distance = Levenshtein.GetDistance(lowered, candidate.ToLowerInvariant());
            if (distance < bestDistance)
            {
                (best, bestDistance) = (candidate, distance);
            }
        }

        return bestDistance <= limit ? best : null;
    }
}
