using System.Globalization;
using Vigil.Core.Windows;

namespace Vigil.Core.Rules;

/// <summary>
/// Event kinds the operator accepted as normal (<c>vigil accept</c>): they no longer count as never seen, rare or
/// surging, without retraining. A kind is <c>Provider/EventId</c>, or a bare number — a template id of a text source,
/// or an event id of any provider.
/// </summary>
public sealed class AcceptedKinds
{
    private readonly HashSet<(string Provider, long EventId)> _exact = [];
    private readonly HashSet<long> _anyProvider = [];

    public AcceptedKinds(IEnumerable<string> kinds)
    {
        foreach (var kind in kinds)
        {
            if (!TryParse(kind, out var provider, out var id))
            {
                continue;
            }

            if (provider is null)
            {
                _anyProvider.Add(id);
            }
            else
            {
                _exact.Add((provider.ToLowerInvariant(), id));
            }
        }
    }

    public static AcceptedKinds None { get; } = new([]);

    public bool IsEmpty => _exact.Count == 0 && _anyProvider.Count == 0;

    public bool Contains(EventKey key) => _anyProvider.Contains(key.EventId) || _exact.Contains((key.Provider.ToLowerInvariant(), key.EventId));

    /// <summary>Reads <c>Provider/EventId</c> (the provider may hold '/') or a bare id; the provider is null for a bare id.</summary>
    public static bool TryParse(string kind, out string? provider, out long eventId)
    {
        var text = kind.Trim();
        var slash = text.LastIndexOf('/');
        provider = slash > 0 ? text[..slash].Trim() : null;
        var id = slash >= 0 ? text[(slash + 1)..] : text;
        return long.TryParse(id, NumberStyles.Integer, CultureInfo.InvariantCulture, out eventId) && (slash < 0 || provider is { Length: > 0 });
    }

    /// <summary>The stored spelling of a kind: <c>Provider/EventId</c> or the bare id.</summary>
    public static string Normalize(string kind) =>
        TryParse(kind, out var provider, out var id)
            ? (provider is null ? id.ToString(CultureInfo.InvariantCulture) : $"{provider}/{id.ToString(CultureInfo.InvariantCulture)}")
            : throw new ArgumentException($"'{kind}' is not a kind: give Provider/EventId (e.g. 'Service Control Manager/7045') or a template id", nameof(kind));
}
