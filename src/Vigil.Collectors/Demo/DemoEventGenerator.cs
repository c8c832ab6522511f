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
    private readonly Random _random;
    private readonly List<LogEvent> _hour = [];
    private long _recordId;

    public DemoEventGenerator(int seed) => _random = new Random(seed);

    public IEnumerable<LogEvent> Generate(DateTime start, DateTime end)
    {
        for (var hour = start; hour < end; hour = hour.AddHours(1))
        {
            _hour.Clear();
            AddOrdinaryHour(hour);
            if (Array.IndexOf(DemoScenario.IncidentHours, hour) is var phase and >= 0)
            {
                AddIncident(hour, phase);
            }

            _hour.Sort((a, b) => a.TimeCreated.CompareTo(b.TimeCreated));
            foreach (var e in _hour)
            {
                yield return e with { RecordKey = (++_recordId).ToString(CultureInfo.InvariantCulture) };
            }
        }
    }

    private void AddOrdinaryHour(DateTime hour)
    {
        var weekend = hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday;
        var activity = hour.Hour switch
        {
            >= 8 and < 18 => 1.0,
            >= 6 and < 8 or >= 18 and < 22 => 0.45,
            _ => 0.18,
        } * (weekend ? 0.45 : 1.0);

        for (var i = Poisson(40 * activity); i > 0; i--)
        {
            Add(hour, ServiceState, Pick(Services), _random.Next(2) == 0 ? "running" : "stopped");
        }

        Repeat(hour, StartTypeChanged, 0.25, Pick(Services));
        Repeat(hour, TimeSynced, 1.0);
        Repeat(hour, KernelTime, 0.6);
        Repeat(hour, DcomPermission, 0.4 + (2.0 * activity));
        Repeat(hour, DnsTimeout, 0.3);
        Repeat(hour, ServiceTimeout, 0.2, Pick(Services));
        Repeat(hour, NetlogonNoDc, 0.15);
        if (hour.Hour == 3)
        {
            Repeat(hour, UpdateStarted, 2.0);
            Repeat(hour, UpdateInstalled, 2.0);
        }

        if (hour.Hour == 12)
        {
            Add(hour, Uptime);
        }

        // The weekly maintenance reboot, Sunday 03:00: the log sees the shutdown and a burst of service starts.
        if (hour.DayOfWeek == DayOfWeek.Sunday && hour.Hour == 3)
        {
            Add(hour, EventLogStopped);
            Add(hour, OsShutdown);
            Add(hour, OsStarted);
            Add(hour, EventLogStarted);
            Add(hour, TimeSourceChanged);
            for (var i = 0; i < 45; i++)
            {
                Add(hour, ServiceState, Pick(Services), "running");
            }
        }
    }

    private void AddIncident(DateTime hour, int phase)
    {
        var intensity = phase switch { 0 => 1.0, 1 => 1.6, _ => 0.6 };
        for (var i = Poisson(18 * intensity); i > 0; i--)
        {
            var service = Pick(CrashingServices);
            var times = _random.Next(1, 40);
            Add(hour, ServiceCrashed, service, times);
            Add(hour, ServiceRestarting, service, times);
        }

        Repeat(hour, BadBlock, 25 * intensity);
        Repeat(hour, NtfsCorrupt, 6 * intensity);
        Repeat(hour, IoRetried, 30 * intensity);
    }

    private void Repeat(DateTime hour, Kind kind, double mean, params object[] args)
    {
        for (var i = Poisson(mean); i > 0; i--)
        {
            Add(hour, kind, args);
        }
    }

    private void Add(DateTime hour, Kind kind, params object[] args)
    {
        var time = hour.AddMilliseconds(_random.Next(3_600_000));
        var message = args.Length == 0 ? kind.Message : string.Format(CultureInfo.InvariantCulture, kind.Message, args);
        _hour.Add(new LogEvent(time, kind.Level, kind.EventId, kind.Provider, "System", DemoScenario.Computer, message, string.Empty));
    }

    private string Pick(string[] items) => items[_random.Next(items.Length)];

    private int Poisson(double mean)
    {
        if (mean > 30)
        {
            // Normal approximation; Knuth's product underflows for large means.
            var u = 1.0 - _random.NextDouble();
            var v = _random.NextDouble();
            var normal = Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= _random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
