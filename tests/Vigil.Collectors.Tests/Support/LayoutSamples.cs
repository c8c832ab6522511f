using System.Globalization;

namespace Vigil.Collectors.Tests.Support;

/// <summary>
/// Log layouts written after products' documented formats (log4j patterns, logcat, CBS, syslog, nginx, PostgreSQL...)
/// with messages of our own, so layout inference is tried on shapes, not on any shared sample file.
/// Each line comes with its true time (UTC) and message.
/// </summary>
internal static class LayoutSamples
{
    public static readonly DateTime Start = new(2026, 11, 28, 21, 17, 3, 250, DateTimeKind.Utc);

    private static readonly HashSet<string> WithFractions = ["log4j", "zookeeper", "logcat", "healthapp", "healthapp-unpadded", "openstack", "epoch-ms", "postgres", "iso-zone"];

    private static readonly string[] Levels = ["INFO", "INFO", "INFO", "WARN", "ERROR", "DEBUG"];

    public static readonly IReadOnlyDictionary<string, Func<DateTime, int, string, string>> Layouts = new Dictionary<string, Func<DateTime, int, string, string>>
    {
        ["log4j"] = (t, i, m) => $"{t:yyyy-MM-dd HH:mm:ss,fff} {Levels[i % 6]} [{(i % 3 == 0 ? "main" : "IPC Server handler " + (i % 7) + " on 8020")}] org.apache.hadoop.hdfs.server.Node{i % 4}: {m}",
        ["spark"] = (t, i, m) => $"{t:yy/MM/dd HH:mm:ss} {Levels[i % 6]} storage.BlockManager{i % 3}: {m}",
        ["zookeeper"] = (t, i, m) => $"{t:yyyy-MM-dd HH:mm:ss,fff} - {Levels[i % 6],-5} [QuorumPeer[myid={i % 3}]/0:0:0:0:0:0:0:0:2181:Leader@{i % 500}] - {m}",
        ["logcat"] = (t, i, m) => $"{t:MM-dd HH:mm:ss.fff} {1000 + (i % 900),5} {2000 + (i * 7 % 3000),5} {"VDIWE"[i % 5]} {(i % 5) switch { 0 => "ActivityManager", 1 => "System.err", 2 => "Bluetooth Manager", _ => "PowerManagerService" }}: {m}",
        ["healthapp"] = (t, i, m) => $"{t:yyyyMMdd-HH:mm:ss:fff}|{(i % 2 == 0 ? "Step_LSC" : "HiH_HiHealthDataInsertStore")}|{30002312 + (i % 5)}|{m}",
        // Some loggers print the time's parts as plain numbers: 20171224-0:9:4:216.
        ["healthapp-unpadded"] = (t, i, m) => $"{t:yyyyMMdd}-{t.Hour}:{t.Minute}:{t.Second}:{t:fff}|{(i % 2 == 0 ? "Step_LSC" : "Step_StandReportReceiver")}|{30002312 + (i % 5)}|{m}",
        ["proxifier"] = (t, i, m) => $"[{t:MM.dd HH:mm:ss}] {(i % 3) switch { 0 => "chrome.exe *64", 1 => "Google Chrome Helper", _ => "svchost.exe" }} - {m}",
        ["openstack"] = (t, i, m) => $"nova-api.log.1.2017-05-16_13:53:08 {t:yyyy-MM-dd HH:mm:ss.fff} {25000 + (i % 900)} {Levels[i % 6]} nova.osapi_compute.wsgi.server [req-{Guid(i)} 113d3a99c3da401fbd62cc2caa5b96d2 54fdadf51e4c40be9aca5e5c90b8bb3c - - -] {m}",
        ["thunderbird"] = (t, i, m) => $"- {Epoch(t)} {t:yyyy.MM.dd} dn{200 + (i % 50)} {t.ToString("MMM d HH:mm:ss", CultureInfo.InvariantCulture)} dn{200 + (i % 50)}/dn{200 + (i % 50)} crond(pam_unix)[{2000 + i}]: {m}",
        ["bgl"] = (t, i, m) => $"- {Epoch(t)} {t:yyyy.MM.dd} R{i % 70:00}-M1-N{i % 9}-C:J12-U11 {t:yyyy-MM-dd-HH.mm.ss.ffffff} R{i % 70:00}-M1-N{i % 9}-C:J12-U11 RAS {(i % 4 == 0 ? "APP" : "KERNEL")} {(i % 5 == 0 ? "FATAL" : "INFO")} {m}",
        ["hpc"] = (t, i, m) => $"{134000 + i} node-{i % 300} {(i % 2 == 0 ? "unix.hw" : "action")} {(i % 3 == 0 ? "state_change.unavailable" : "start")} {Epoch(t)} 1 {m}",
        ["cbs"] = (t, i, m) => $"{t:yyyy-MM-dd HH:mm:ss}, {(i % 9 == 0 ? "Warning" : "Info"),-22}{(i % 2 == 0 ? "CBS" : "CSI"),-7}{m}",
        ["macos"] = (t, i, m) => $"{t.ToString("MMM", CultureInfo.InvariantCulture)} {t.Day,2} {t:HH:mm:ss} calvisitor-10-105-160-{i % 200} {(i % 2 == 0 ? "kernel[0]" : "com.apple.CDScheduler[43]")}: {m}",
        ["nginx"] = (t, i, m) => $"{t:yyyy/MM/dd HH:mm:ss} [{(i % 4 == 0 ? "error" : "warn")}] {100 + (i % 9)}#{i % 3}: {m}",
        ["access"] = (t, i, m) => $"10.0.{i % 250}.{i % 200} - - [{t.ToString("dd/MMM/yyyy:HH:mm:ss", CultureInfo.InvariantCulture)} +0000] {m}",
        ["postgres"] = (t, i, m) => $"{t:yyyy-MM-dd HH:mm:ss.fff} UTC [{4000 + (i % 90)}] {(i % 4 == 0 ? "ERROR" : "LOG")}:  {m}",
        ["syslog-year"] = (t, i, m) => $"{t.ToString("MMM", CultureInfo.InvariantCulture)} {t.Day,2} {t:yyyy HH:mm:ss} edge-{i % 4} sshd[{900 + i}]: {m}",
        ["syslog-nohost"] = (t, i, m) => $"{t.ToString("MMM", CultureInfo.InvariantCulture)} {t.Day,2} {t:HH:mm:ss} cron[{900 + i}]: {m}",
        ["epoch-ms"] = (t, i, m) => $"{Epoch(t) * 1000 + t.Millisecond} worker-{i % 4} {Levels[i % 6]} {m}",
        ["dayfirst"] = (t, i, m) => $"{t:dd.MM.yyyy HH:mm:ss} {Levels[i % 6]} [job-{i % 5}] {m}",
        ["iso-zone"] = (t, i, m) => $"{t:yyyy-MM-ddTHH:mm:ss.ffffffZ} host-{i % 3} app[{i}]: {m}",
    };

    private static readonly string[] Templates =
    [
        "Received block blk_{0} of size {1} from /10.250.{2}.{3}",
        "Connection closed by {2}.{3}.10.1 port {1} [preauth]",
        "session opened for user u{2} by (uid={3})",
        "Failed to fetch key {0}: timeout after {1} ms",
        "worker {2} finished task {1} in {3}.5 s",
        "cache hit ratio {3}% for region eu-{2}",
        "starting job {0} with {2} executors",
        "checkpoint {1} written to /var/lib/app/ckpt/{0}.bin",
    ];

    /// <summary>The message of line <paramref name="i"/>: one of eight templates with its variables filled.</summary>
    public static string Message(int i) =>
        string.Format(CultureInfo.InvariantCulture, Templates[i % Templates.Length], 1000 + (i * 7919 % 90000), i * 31 % 5000, i % 50, i * 13 % 100);

    /// <summary>Lines of a layout, 47 seconds apart from <see cref="Start"/>, with their true time and message.</summary>
    public static List<(string Line, DateTime Time, string Message)> Lines(string layout, int count = 300, DateTime? start = null, int step = 47)
    {
        var format = Layouts[layout];
        var lines = new List<(string, DateTime, string)>(count);
        for (var i = 0; i < count; i++)
        {
            var t = (start ?? Start).AddSeconds(i * step);
            var message = Message(i);
            lines.Add((string.Create(CultureInfo.InvariantCulture, $"{format(t, i, message)}"), WithFractions.Contains(layout) ? t : Truncate(t), message));
        }

        return lines;
    }

    private static DateTime Truncate(DateTime t) => new(t.Ticks - (t.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);

    private static long Epoch(DateTime t) => (long)(t - DateTime.UnixEpoch).TotalSeconds;

    private static string Guid(int i) => new System.Guid(i, 7, 9, 1, 2, 3, 4, 5, 6, 7, 8).ToString();
}
