using Vigil.Collectors.Demo;
using Vigil.Core.Events;
using Vigil.Core.Windows;
using static Vigil.Collectors.Demo.DemoCatalog;
using static Vigil.Collectors.Scenarios.ScenarioCatalog;

namespace Vigil.Collectors.Scenarios;

/// <summary>
/// The evaluation set: three weeks of a Windows server (train on week 1, score weeks 2 and 3), one scenario per
/// incident type injected into week 3, plus a slow 3x volume drift that should not page. Deterministic: same code,
/// same events.
/// </summary>
public static class EvaluationScenarios
{
    /// <summary>A Monday.</summary>
    public static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    public const int Days = 21;

    public const int TrainingDays = 7;

    public static DateTime End => Start.AddDays(Days);

    public static DateTime Week3 => Start.AddDays(14);

    public static IReadOnlyList<string> Names { get; } =
        ["brute-force", "service-install", "disk-errors", "time-drift", "audit-log-cleared", "app-crash-storm", "silent-log", "real-records", "volume-drift"];

    public static IReadOnlyList<EvaluationScenario> All() => [.. Names.Select(Create)];

    public static EvaluationScenario Create(string name)
    {
        var seed = 1000 + Names.ToList().IndexOf(name);
        return name switch
        {
            "brute-force" => Burst(name, "Tuesday 01:00-03:59 of week 3: ~250 failed logons (4625) and ~120 rejected credential checks (4776) an hour", seed, Day(1, 1), 3, (w, h) =>
            {
                for (var i = w.Poisson(250); i > 0; i--)
                {
                    w.Add(h, LogonFailed, "administrator", $"185.220.101.{w.Next(1, 250)}");
                }

                w.Repeat(h, CredentialsRejected, 120, "administrator");
            }),
            "service-install" => Burst(name, "Wednesday 10:00 of week 3: a new service is installed (7045), then crash-loops (7031/7034) until 13:59", seed, Day(2, 10), 4, (w, h) =>
            {
                if (h == Day(2, 10))
                {
                    w.Add(h, ServiceInstalled, "UpdaterSvc");
                }

                for (var i = w.Poisson(10); i > 0; i--)
                {
                    var times = w.Next(1, 60);
                    w.Add(h, ServiceCrashed, "UpdaterSvc", times);
                    w.Add(h, ServiceRestarting, "UpdaterSvc", times);
                }
            }),
            "disk-errors" => Burst(name, "Thursday 14:00-16:59 of week 3: bad blocks (disk 7), NTFS corruption (55), retried IO (disk 153)", seed, Day(3, 14), 3, (w, h) =>
            {
                w.Repeat(h, BadBlock, 6);
                w.Repeat(h, NtfsCorrupt, 2);
                w.Repeat(h, IoRetried, 10);
            }),
            "time-drift" => Burst(name, "Friday 09:00-11:59 of week 3: the time service loses its source (36, 50, 129 warnings)", seed, Day(4, 9), 3, (w, h) =>
            {
                w.Repeat(h, TimeNotSynced, 1);
                w.Repeat(h, TimeJumped, 2);
                w.Repeat(h, NtpUnreachable, 4);
            }),
            "audit-log-cleared" => Burst(name, "Saturday 23:00 of week 3: the security audit log is cleared (1102), once", seed, Day(5, 23), 1, (w, h) =>
                w.Add(h, AuditLogCleared, "administrator")),
            "app-crash-storm" => Burst(name, "Sunday 15:00-16:59 of week 3: an application crashes ~40 times an hour (1000 errors + 1001 reports)", seed, Day(6, 15), 2, (w, h) =>
            {
                for (var i = w.Poisson(40); i > 0; i--)
                {
                    w.Add(h, AppCrashed, "OrderService.exe");
                    w.Add(h, CrashReported, "OrderService.exe");
                }
            }),
            "silent-log" => SilentLog(name, seed),
            "real-records" => RealRecordsScenario(name, seed),
            "volume-drift" => new EvaluationScenario(
                name,
                "Week 3: every ordinary event's rate rises slowly from 1x to 3x over the week; should not page",
                new HostLogGenerator(seed) { Scale = h => h < Week3 ? 1 : 1 + (2 * (h - Week3).TotalDays / 7) }.Generate(Start, End),
                new HashSet<DateTime>()),
            _ => throw new ArgumentException($"'{name}' is not a scenario ({string.Join(", ", Names)}).", nameof(name)),
        };
    }

    private static DateTime Day(int dayOfWeek3, int hour) => Week3.AddDays(dayOfWeek3).AddHours(hour);

    private static EvaluationScenario Burst(string name, string description, int seed, DateTime first, int hours, Action<HourWriter, DateTime> incident)
    {
        var incidentHours = Enumerable.Range(0, hours).Select(i => first.AddHours(i)).ToHashSet();
        var generator = new HostLogGenerator(seed) { Inject = (w, h) => { if (incidentHours.Contains(h)) { incident(w, h); } } };
        return new EvaluationScenario(name, description, generator.Generate(Start, End), incidentHours);
    }

    private static EvaluationScenario SilentLog(string name, int seed)
    {
        var first = Day(3, 9);
        var hours = Enumerable.Range(0, 3).Select(i => first.AddHours(i)).ToHashSet();
        var generator = new HostLogGenerator(seed) { Drop = e => e.Channel == "Security" && hours.Contains(HourRange.FloorHour(e.TimeCreated)) };
        return new EvaluationScenario(name, "Thursday 09:00-11:59 of week 3: the Security log records nothing (auditing stopped)", generator.Generate(Start, End), hours);
    }

    private static EvaluationScenario RealRecordsScenario(string name, int seed)
    {
        // Real records, re-timed into Monday 20:00 of week 3 in their original order, a few seconds apart.
        var hour = Day(0, 20);
        var real = RealRecords.Load();
        var events = new HostLogGenerator(seed).Generate(Start, End);
        events.AddRange(real.Select((e, i) => e with { TimeCreated = hour.AddSeconds(60 + (i * 7)), RecordKey = "real-" + e.RecordKey }));
        events.Sort((a, b) => a.TimeCreated.CompareTo(b.TimeCreated));
        return new EvaluationScenario(name, $"Monday 20:00 of week 3: {real.Count} real records from the EVTX samples (service installs, account creation and group changes, logon failures)", events, new HashSet<DateTime> { hour });
    }
}
