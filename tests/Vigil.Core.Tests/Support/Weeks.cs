using System.Globalization;
using Vigil.Core.Detection;
using Vigil.Core.Events;
using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Core.Tests.Support;

/// <summary>Hour windows of an ordinary Windows server: busy office hours, quiet nights and weekends, a little noise.</summary>
internal static class Weeks
{
    public static readonly DateTime Monday = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public static LogEvent Event(DateTime time, long id, string provider, string channel, int level = LevelMapping.Information, string? message = null) =>
        new(time, level, id, provider, channel, "host", message ?? $"{provider} {id}", time.Ticks.ToString(CultureInfo.InvariantCulture));

    public static List<HourWindow> Ordinary(DateTime start, int days, int seed, Action<HourWindow>? extra = null)
    {
        var random = new Random(seed);
        var windows = new List<HourWindow>();
        for (var hour = start; hour < start.AddDays(days); hour = hour.AddHours(1))
        {
            var w = new HourWindow(hour);
            var weekend = hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
            var activity = (hour.Hour is >= 8 and < 18 ? 1.0 : 0.2) * (weekend ? 0.4 : 1.0);
            Repeat(w, (int)(30 * activity) + random.Next(4), 7036, "Service Control Manager", "System");
            Repeat(w, (int)(40 * activity) + random.Next(4), 4624, "Microsoft-Windows-Security-Auditing", "Security");
            Repeat(w, 1, 37, "Microsoft-Windows-Time-Service", "System");
            Repeat(w, random.Next(3), 10016, "Microsoft-Windows-DistributedCOM", "System", LevelMapping.Warning);
            Repeat(w, random.Next(10) == 0 ? 1 : 0, 5719, "NETLOGON", "System", LevelMapping.Error);
            extra?.Invoke(w);
            windows.Add(w);
        }

        return windows;
    }

    /// <summary>Scores a second ordinary week after <paramref name="training"/> with <paramref name="extra"/> added to one hour, and returns that hour's verdict.</summary>
    public static HourDetection ScoreHourOfWeek2(VigilModel model, List<HourWindow> training, DateTime hour, int seed, Action<HourWindow> extra)
    {
        var week2 = training[0].Hour.AddDays(7);
        var windows = new List<HourWindow>(training);
        windows.AddRange(Ordinary(week2, 7, seed, w =>
        {
            if (w.Hour == hour)
            {
                extra(w);
            }
        }));
        return model.Score(windows, training.Count).Single(h => h.Summary.Hour == hour);
    }

    public static void Repeat(HourWindow w, int count, long id, string provider, string channel, int level = LevelMapping.Information, string? message = null)
    {
        for (var i = 0; i < count; i++)
        {
            w.Add(Event(w.Hour.AddSeconds(i), id, provider, channel, level, message));
        }
    }
}
