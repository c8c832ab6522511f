using Vigil.Core.Detection;

namespace Vigil.Core.Rules;

/// <summary>
/// What the operator (and the shipped catalogue) tell the vigil model at scoring time, without retraining: how urgent
/// each never-seen kind is, which kinds are accepted as normal, and below how many training sightings a kind is "rare".
/// </summary>
/// <param name="RareBelow">A kind seen in training fewer times than this is rare: its catalogued severity, one step lower, applies again.</param>
public sealed record KindRules(SecurityEventCatalogue Catalogue, AcceptedKinds Accepted, int RareBelow = KindRules.DefaultRareBelow)
{
    public const int DefaultRareBelow = 3;

    /// <summary>The grade of kinds the catalogue does not name.</summary>
    public const AnomalySeverity Uncatalogued = AnomalySeverity.Low;

    public static KindRules Default { get; } = new(SecurityEventCatalogue.Default, AcceptedKinds.None);
}
