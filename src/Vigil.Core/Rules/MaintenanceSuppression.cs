using System.Globalization;
using Vigil.Core.Detection;

namespace Vigil.Core.Rules;

/// <summary>Marks the scored hours inside maintenance windows as suppressed: the verdict stays, the alert never goes.</summary>
public static class MaintenanceSuppression
{
    public static IReadOnlyList<HourDetection> Apply(IReadOnlyList<HourDetection> hours, IReadOnlyList<MaintenanceWindow> windows)
    {
        if (windows.Count == 0)
        {
            return hours;
        }

        return [.. hours.Select(h => windows.FirstOrDefault(w => w.Covers(h.Summary.Hour)) is { } w
            ? h with { Suppressed = true, Reasons = [.. h.Reasons, Describe(w)] }
            : h)];
    }

    private static string Describe(MaintenanceWindow w) => string.Create(
        CultureInfo.InvariantCulture,
        $"suppressed: maintenance window #{w.Id} ({w.From:yyyy-MM-dd HH:mm} – {w.To:yyyy-MM-dd HH:mm} UTC){(string.IsNullOrWhiteSpace(w.Reason) ? string.Empty : ": " + w.Reason)}");
}
