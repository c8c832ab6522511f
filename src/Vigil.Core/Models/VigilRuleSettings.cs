namespace Vigil.Core.Models;

/// <summary>Thresholds of the rules the vigil model applies next to its forest.</summary>
/// <param name="NewKindMinEvents">Events of never-seen kinds in one hour that page even when they are only informational.</param>
/// <param name="SilenceMinMean">A channel is "normally busy" at an hour when training saw at least this many events there on average (and never none).</param>
/// <param name="ConfirmDeviation">A forest verdict stands only when some count is at least this many spreads from its hour-of-week baseline.</param>
public sealed record VigilRuleSettings(int NewKindMinEvents = 5, double SilenceMinMean = 15, double ConfirmDeviation = 6);
