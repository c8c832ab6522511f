using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Benchmarks.Fleet;

/// <summary>
/// A simulated fleet's events, the same for every run: each host a day of <c>perHour</c> events an hour (syslog-like
/// lines, one error in ten, one warning in five), keyed as a receiver keys pushed records (host + sequence).
/// </summary>
internal static class FleetRows
{
    public static string Host(int host) => "host" + host.ToString("D4", CultureInfo.InvariantCulture);

    public static string Source(int host) => HostSource.Compose(Host(host), "syslog");

    public static List<LogEvent> Day(int host, DateTime day, int perHour)
    {
        var events = new List<LogEvent>(perHour * 24);
        var name = Host(host);
        for (var hour = 0; hour < 24; hour++)
        {
            for (var i = 0; i < perHour; i++)
            {
                var seq = (((int)(day - DateTime.UnixEpoch).TotalDays * 24) + hour) * perHour + i;
                var time = day.AddHours(hour).AddMilliseconds((i * 3_600_000L / perHour) + (host % 997));
                var level = seq % 10 == 0 ? LevelMapping.Error : seq % 5 == 0 ? LevelMapping.Warning : LevelMapping.Information;
                var message = string.Create(
                    CultureInfo.InvariantCulture,
                    $"sshd[{1000 + (seq % 5000)}]: Accepted publickey for user{seq % 40} from 10.{host % 250}.{seq % 250}.{i % 250} port {40000 + (seq % 20000)} ssh2");
                events.Add(new LogEvent(time, level, 0, "sshd", "auth", name, message, string.Create(CultureInfo.InvariantCulture, $"{name}/{seq}")));
            }
        }

        return events;
    }
}
