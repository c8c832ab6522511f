using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Api.Contracts;

/// <summary>One hour of <c>GET /hours</c>: the seed's counts, and the stored verdict when a detection scored it.</summary>
public record StoredHourDto(
    string HourTimestamp,
    int TotalEvents,
    int ErrorCount,
    int WarningCount,
    int InfoCount,
    double ErrorRate,
    bool Scored,
    bool IsAnomaly,
    double? AnomalyScore,
    IReadOnlyList<string> Reasons,
    bool Suppressed,
    IReadOnlyList<string> Details)
{
    public static StoredHourDto From(HourlySummary summary, HourDetection? verdict) => new(
        summary.HourTimestamp,
        summary.TotalEvents,
        summary.ErrorCount,
        summary.WarningCount,
        summary.InfoCount,
        summary.ErrorRate,
        verdict is not null,
        verdict?.IsAnomaly ?? false,
        verdict?.AnomalyScore,
        verdict?.Reasons ?? [],
        verdict?.Suppressed ?? false,
        verdict?.Details ?? []);
}
