using System.Globalization;
using Vigil.Collectors.Demo;
using Vigil.Core.Events;
using static Vigil.Collectors.Scenarios.ScenarioCatalog;

namespace Vigil.Collectors.Scenarios;

/// <summary>
/// Writes the System (the demo's), Security and Application logs of one Windows server hour by hour, with the demo's
/// office-hours and weekend rhythm; a scenario adds its incident, scales the volume or drops events per hour.
/// </summary>
internal sealed class HostLogGenerator
{
    public const string Computer = "WIN-APP02.corp.example";

    private readonly HourWriter _writer;

    public HostLogGenerator(int seed) => _writer = new HourWriter(seed, Computer);

    public Func<DateTime, double> Scale { get; init; } = _ => 1;

    public Action<HourWriter, DateTime> Inject { get; init; } = (_, _) => { };

    public Predicate<LogEvent> Drop { get; init; } = _ => false;

    public List<LogEvent> Generate(DateTime start, DateTime end)
    {
        var events = new List<LogEvent>();
        for (var hour = start; hour < end; hour = hour.AddHours(1))
        {
            var w = _writer;
            w.Events.Clear();
            w.Scale = Scale(hour);
            DemoEventGenerator.AddOrdinaryHour(w, hour);
            AddSecurity(w, hour);
            AddApplication(w, hour);
            w.Scale = 1;
            Inject(w, hour);
            w.Events.RemoveAll(Drop);
            w.Events.Sort((a, b) => a.TimeCreated.CompareTo(b.TimeCreated));
            foreach (var e in w.Events)
            {
                events.Add(e with { RecordKey = (events.Count + 1).ToString(CultureInfo.InvariantCulture) });
            }
        }

        return events;
    }

    private static void AddSecurity(HourWriter w, DateTime hour)
    {
        var activity = DemoEventGenerator.Activity(hour);
        for (var i = w.Poisson(25 * activity); i > 0; i--)
        {
            var user = w.Pick(Users);
            w.Add(hour, LogonSucceeded, user);
            w.Add(hour, Logoff, user);
            if (user.StartsWith("svc_", StringComparison.Ordinal))
            {
                w.Add(hour, SpecialPrivileges, user);
            }
        }

        w.Repeat(hour, CredentialsValidated, 2 + (10 * activity), w.Pick(Users));
        // People mistype passwords: a few failures a day is normal.
        w.Repeat(hour, LogonFailed, 0.3 * activity, w.Pick(Users), "10.0.4.17");
    }

    private static void AddApplication(HourWriter w, DateTime hour)
    {
        w.Repeat(hour, LicensingOk, 0.5);
        w.Repeat(hour, DatabaseEngine, 1.0);
        w.Repeat(hour, InstallerDone, 0.05);
        for (var i = w.Poisson(0.04); i > 0; i--)
        {
            var app = w.Pick(CrashingApps);
            w.Add(hour, AppCrashed, app);
            w.Add(hour, CrashReported, app);
        }
    }
}
