using Vigil.Core.Features;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>
/// What the vigil model learned besides its forest, saved in <see cref="ModelDocument.Vigil"/>: the event kinds that
/// get their own columns (top by volume), every kind seen, the hour-of-day / weekday baselines, the per-column centre
/// and scale used to explain a verdict, the forest score no training hour went below, and the rules' thresholds.
/// </summary>
public sealed record VigilModelData(
    EventKey[] TopKinds,
    EventKey[] KnownKinds,
    HourBaseline Total,
    HourBaseline Errors,
    HourBaseline Warnings,
    HourBaseline Infos,
    HourBaseline AuditFailures,
    HourBaseline[] KindBaselines,
    string[] Channels,
    HourBaseline[] ChannelBaselines,
    double[] ColumnCenter,
    double[] ColumnScale,
    double ForestThreshold,
    VigilRuleSettings Rules)
{
    /// <summary>How many events of each of <see cref="KnownKinds"/> training saw, in the same order (null in models saved before it was kept): tells a rare kind from a common one.</summary>
    public long[]? KnownCounts { get; init; }

    /// <summary>The most events of each of <see cref="KnownKinds"/> in one training hour, in the same order (null in models saved before it was kept): a burst far above it is news at any hour.</summary>
    public int[]? KnownPeaks { get; init; }
}
