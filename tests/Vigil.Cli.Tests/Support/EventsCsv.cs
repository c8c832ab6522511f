using System.Globalization;
using System.Text;

namespace Vigil.Cli.Tests.Support;

/// <summary>A small, regular events CSV: <paramref name="perHour"/> events in every hour of <paramref name="days"/> days from 2026-02-09.</summary>
internal static class EventsCsv
{
    public static readonly DateTime Start = new(2026, 2, 9, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>The end of the first week, the <c>--now</c> a setup on this file takes.</summary>
    public const string WeekEnd = "2026-02-16T00:00:00Z";

    public static string Write(string path, int days = 8, int perHour = 12)
    {
        var text = new StringBuilder("time_created,level,event_id,provider,channel,computer,message,record_id\n");
        var id = 0;
        for (var hour = 0; hour < days * 24; hour++)
        {
            for (var i = 0; i < perHour; i++)
            {
                var time = Start.AddHours(hour).AddMinutes(i * 60.0 / perHour);
                var level = i % 6 == 0 ? "Warning" : "Information";
                text.Append(CultureInfo.InvariantCulture, $"{time:yyyy-MM-ddTHH:mm:ssZ},{level},{7036 + (i % 3)},Service Control Manager,System,HOST1,service state changed {i},{++id}\n");
            }
        }

        File.WriteAllText(path, text.ToString());
        return path;
    }
}
