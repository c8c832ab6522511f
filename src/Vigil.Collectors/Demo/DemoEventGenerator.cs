using System.Globalization;
using Vigil.Core.Events;
using static Vigil.Collectors.Demo.DemoCatalog;

namespace Vigil.Collectors.Demo;

/// <summary>
/// Writes the demo's 8-day System log of one Windows server: a day/night and weekday rhythm, ordinary warnings and
/// errors, a weekly reboot, and on the last day a service crash loop with a failing disk. Same seed, same events.
/// </summary>
internal sealed class DemoEventGenerator
{
    private readonly HourWriter _writer;
    private long _recordId;

    public DemoEventGenerator(int seed) => _writer = new HourWriter(seed, DemoScenario.Computer);

    public IEnumerable<LogEvent> Generate(DateTime start, DateTime end)
    {
        for (var hour = start; hour < end; hour = hour.AddHours(1))
        {
            _writer.Events.Clear();
            AddOrdinaryHour(_writer, hour);
            if (Array.IndexOf(DemoScenario.IncidentHours, hour) is var phase and >= 0)
            {
                AddIncident(_writer, hour, phase switch { 0 => 1.0, 1 => 1.6, _ => 0.6 });
            }

            _writer.Events.Sort((a, b) => a.TimeCreated.CompareTo(b.TimeCreated));
            foreach (var e in _writer.Events)
            {
                yield return e with { RecordKey = (++_recordId).ToString(CultureInfo.InvariantCulture) };
            }
        }
    }

    /// <summary>How busy the server is: office hours, evenings, nights, and weekends at under half.</summary>
    public static double Activity(DateTime hour) => hour.Hour switch
    {
        >= 8 and < 18 => 1.0,
        >= 6 and < 8 or >= 18 and < 22 => 0.45,
        _ => 0.18,
    } * (hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.45 : 1.0);

    /// <summary>An ordinary hour of the System log.</summary>
    public static void AddOrdinaryHour(HourWriter w, DateTime hour)
    {
        var activity = Activity(hour);
        for (var i = w.Poisson(40 * activity); i > 0; i--)
        {
            w.Add(hour, ServiceState, w.Pick(Services), w.Next(0, 2) == 0 ? "running" : "stopped");
        }

        w.Repeat(hour, StartTypeChanged, 0.25, w.Pick(Services));
        w.Repeat(hour, TimeSynced, 1.0);
        w.Repeat(hour, KernelTime, 0.6);
        w.Repeat(hour, DcomPermission, 0.4 + (2.0 * activity));
        w.Repeat(hour, DnsTimeout, 0.3);
        w.Repeat(hour, ServiceTimeout, 0.2, w.Pick(Services));
        w.Repeat(hour, NetlogonNoDc, 0.15);
        if (hour.Hour == 3)
        {
            w.Repeat(hour, UpdateStarted, 2.0);
            w.Repeat(hour, UpdateInstalled, 2.0);
        }

        if (hour.Hour == 12)
        {
            w.Add(hour, Uptime);
        }

        // The weekly maintenance reboot, Sunday 03:00: the log sees the shutdown and a burst of service starts.
        if (hour.DayOfWeek == DayOfWeek.Sunday && hour.Hour == 3)
        {
            w.Add(hour, EventLogStopped);
            w.Add(hour, OsShutdown);
            w.Add(hour, OsStarted);
            w.Add(hour, EventLogStarted);
            w.Add(hour, TimeSourceChanged);
            for (var i = 0; i < 45; i++)
            {
                w.Add(hour, ServiceState, w.Pick(Services), "running");
            }
        }
    }

    /// <summary>A service crash loop with a failing disk, at <paramref name="intensity"/> times the base rate.</summary>
    public static void AddIncident(HourWriter w, DateTime hour, double intensity)
    {
        for (var i = w.Poisson(18 * intensity); i > 0; i--)
        {
            var service = w.Pick(CrashingServices);
            var times = w.Next(1, 40);
            w.Add(hour, ServiceCrashed, service, times);
            w.Add(hour, ServiceRestarting, service, times);
        }

        w.Repeat(hour, BadBlock, 25 * intensity);
        w.Repeat(hour, NtfsCorrupt, 6 * intensity);
        w.Repeat(hour, IoRetried, 30 * intensity);
    }
}
