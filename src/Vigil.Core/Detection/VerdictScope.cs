namespace Vigil.Core.Detection;

/// <summary>
/// What a verdict is about: the set of sources whose events were scored together (and, for fleet work, one host of
/// them). Verdicts are kept per (scope, hour), so detecting a second source never overwrites the first one's hours.
/// </summary>
/// <param name="Sources">The source names (specs as stored); order and repeats do not matter.</param>
/// <param name="Host">One host's share of the sources, or null for all of them.</param>
public sealed record VerdictScope(IReadOnlyCollection<string> Sources, string? Host = null)
{
    /// <summary>The stored key: the sorted source names, then <c>@host</c> when the scope is one host.</summary>
    public string Key => string.Join(", ", Sources.Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)) + (Host is null ? string.Empty : "@" + Host);
}
