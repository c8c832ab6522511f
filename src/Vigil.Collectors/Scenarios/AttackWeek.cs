using Vigil.Collectors.Evtx;
using Vigil.Core.Events;
using Vigil.Core.Windows;

namespace Vigil.Collectors.Scenarios;

/// <summary>
/// A held-out evaluation nobody tuned on: two weeks of one Windows workstation built from real EVTX samples — a
/// training week and a test week of real background hours (Security, System, Group Policy and Live ID logs, each
/// target hour filled with the records of one real hour of that log, so every hour keeps a real mix) — with 10 short
/// incidents of real attack-relevant records re-timed into the test week. Background and attack files are other files
/// than those the scenario set (<see cref="EvaluationScenarios"/>, tests/scenarios/real-records.csv) draws on; see
/// tests/scenarios/README.md. Deterministic: same files, same events.
/// </summary>
public static class AttackWeek
{
    /// <summary>A Monday: the training week starts here, the test week 7 days later.</summary>
    public static readonly DateTime Start = new(2026, 4, 6, 0, 0, 0, DateTimeKind.Utc);

    public const int Days = 14;

    public const string Host = "WS-HELDOUT";

    public static DateTime TestWeek => Start.AddDays(7);

    /// <summary>The background logs, and what each brings.</summary>
    private static readonly (string File, string Why)[] Background =
    [
        ("security.evtx", "Security: logons, privileges, boots, audit-policy and crypto housekeeping"),
        ("sample-with-zero-data-size-event.evtx", "System: kernel, power, service start-type changes, disk warnings, DCOM errors"),
        ("sample-with-irregular-bool-values.evtx", "Group Policy operational"),
        ("2-system-Microsoft-Windows-LiveId%4Operational.evtx", "Live ID operational"),
    ];

    /// <summary>The share of each background log's (chronologically) first hours that make its routine; the rest is held out for the test week.</summary>
    private const double TrainingShare = 0.6;

    private static readonly AttackIncident[] Incidents =
    [
        new("account-backdoor", "a local account created, enabled, its password set, added to groups (4720/4722/4724/4738/4728/4732)", "post-Security.evtx", [4720, 4722, 4724, 4738, 4728, 4732], 0, 2, Containing: "John-PC"),
        new("password-spray", "failed logons and rejected credential checks (4625/4776)", "Security_with_size_t.evtx", [4625, 4776], 0, 14),
        new("lsass-access", "processes opening lsass.exe (Sysmon 10), as a credential dumper does", "sysmon.evtx", [10], 1, 3, Take: 3, Containing: "lsass.exe"),
        new("rdp-logon", "remote desktop logons from the internet (1149)", "2-vss_0-Microsoft-Windows-TerminalServices-RemoteConnectionManager%4Operational.evtx", [1149], 1, 20, Take: 2),
        new("rdp-brute-force", "failed remote desktop connections (RdpCoreTS 140) for two hours", "2-vss_0-Microsoft-Windows-RemoteDesktopServices-RdpCoreTS%4Operational.evtx", [140], 2, 1, Hours: 2, Take: 60),
        new("new-service", "services installed (7045)", "2-vss_7-System.evtx", [7045], 2, 11, Take: 3),
        new("audit-dropped", "audit events dropped and event-log errors in the Security log (1101/1108)", "Security_with_size_t.evtx", [1101, 1108], 3, 4),
        new("security-right-granted", "system security access granted to an account (4717), once", "Security_with_size_t.evtx", [4717], 3, 16, Take: 1),
        new("sysmon-config-changed", "the Sysmon configuration changed (Sysmon 16), once", "sysmon.evtx", [16], 4, 22, Take: 1),
        new("explicit-credentials", "a burst of logons with explicit credentials (4648), as lateral movement does", "Security_with_size_t.evtx", [4648], 5, 10, Take: 40),
    ];

    /// <summary>One line per background log and per incident: what the week is made of.</summary>
    public static IReadOnlyList<string> Describe() =>
        [.. Background.Select(b => $"background {b.File}: {b.Why}"),
         .. Incidents.Select(i => $"incident {i.Name} ({TestWeek.AddDays(i.Day).AddHours(i.Hour):ddd HH}:00, {i.Hours}h): {i.What} from {i.File}")];

    /// <summary>Builds the two weeks from the EVTX samples in <paramref name="folder"/>; incident hours are the test week's labelled hours.</summary>
    public static async Task<EvaluationScenario> BuildAsync(string folder, Action<string> warn, CancellationToken cancellationToken)
    {
        var cache = new Dictionary<string, IReadOnlyList<LogEvent>>(StringComparer.Ordinal);
        async Task<IReadOnlyList<LogEvent>> Read(string file)
        {
            if (!cache.TryGetValue(file, out var events))
            {
                var path = Path.Combine(folder, file);
                if (!System.IO.File.Exists(path))
                {
                    throw new SourceException($"{path}: not found; the attack week is built from the EVTX samples of the shared data folder (security.evtx, sysmon.evtx, ...)");
                }

                var read = new List<LogEvent>();
                await foreach (var e in EvtxFileSource.Create(path).ReadAsync(new SourceReadOptions { Warn = warn }, cancellationToken).ConfigureAwait(false))
                {
                    read.Add(e);
                }

                cache[file] = events = [.. read.OrderBy(e => e.TimeCreated)];
            }

            return events;
        }

        var week = new List<LogEvent>();
        var random = new Random(17);
        foreach (var (file, _) in Background)
        {
            var events = await Read(file).ConfigureAwait(false);
            // security.evtx opens with the OS install hour (accounts and groups created): the same records as
            // post-Security.evtx, an attack source. It is a setup, not a week's routine.
            var hours = events.GroupBy(e => HourRange.FloorHour(e.TimeCreated)).Skip(file == "security.evtx" ? 1 : 0).Select(g => g.ToList()).ToList();
            AddBackground(week, file, hours, random);
        }

        var incidentHours = new HashSet<DateTime>();
        foreach (var incident in Incidents)
        {
            var matching = (await Read(incident.File).ConfigureAwait(false)).Where(incident.Matches).Take(incident.Take ?? int.MaxValue).ToList();
            if (matching.Count == 0)
            {
                throw new SourceException($"{Path.Combine(folder, incident.File)}: holds no record for the incident '{incident.Name}'; is it the shared sample?");
            }

            var first = TestWeek.AddDays(incident.Day).AddHours(incident.Hour);
            week.AddRange(Retime(matching, first, incident.Hours).Select((e, i) => e with { RecordKey = $"attack:{incident.Name}#{i}" }));
            for (var h = 0; h < incident.Hours; h++)
            {
                incidentHours.Add(first.AddHours(h));
            }
        }

        week.Sort((a, b) => a.TimeCreated.CompareTo(b.TimeCreated));
        return new EvaluationScenario("attack-week", $"Held-out attack week from {folder}: train on {Start:yyyy-MM-dd} +7 days, score {TestWeek:yyyy-MM-dd} +7 days, {Incidents.Length} incidents", week, incidentHours);
    }

    private static void AddBackground(List<LogEvent> week, string file, List<List<LogEvent>> hours, Random random)
    {
        // Busier in working hours, as a workstation is; each filled hour is one real hour of the log.
        var filled = new List<DateTime>();
        for (var target = Start; target < Start.AddDays(Days); target = target.AddHours(1))
        {
            var working = target.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && target.Hour is >= 7 and < 20;
            if (random.NextDouble() < (working ? 0.8 : 0.35))
            {
                filled.Add(target);
            }
        }

        // The log's first hours are its routine, drawn again and again; its later hours are held out of training and
        // each appears once in the test week, as a real log's next week holds things its first never showed.
        var routine = Math.Max(1, (int)Math.Ceiling(hours.Count * TrainingShare));
        var testSlots = filled.Where(t => t >= TestWeek).OrderBy(_ => random.Next()).ToList();
        var heldOut = new Dictionary<DateTime, List<LogEvent>>();
        for (var i = routine; i < hours.Count && i - routine < testSlots.Count; i++)
        {
            heldOut[testSlots[i - routine]] = hours[i];
        }

        foreach (var target in filled)
        {
            var source = heldOut.GetValueOrDefault(target) ?? hours[random.Next(routine)];
            var key = target.ToString("yyyyMMddHH", System.Globalization.CultureInfo.InvariantCulture);
            week.AddRange(source.Select(e => e with
            {
                TimeCreated = target + (e.TimeCreated - HourRange.FloorHour(e.TimeCreated)),
                Computer = Host,
                RecordKey = $"{file}#{e.RecordKey}@{key}",
            }));
        }
    }

    /// <summary>Keeps the records' order and spacing when they fit in the span, else spreads them evenly over it.</summary>
    private static IEnumerable<LogEvent> Retime(List<LogEvent> records, DateTime first, int hours)
    {
        var span = TimeSpan.FromHours(hours) - TimeSpan.FromMinutes(10);
        var original = records[^1].TimeCreated - records[0].TimeCreated;
        var start = first.AddMinutes(5);
        for (var i = 0; i < records.Count; i++)
        {
            var offset = original <= span
                ? records[i].TimeCreated - records[0].TimeCreated
                : span * i / records.Count;
            yield return records[i] with { TimeCreated = start + offset, Computer = Host };
        }
    }
}
