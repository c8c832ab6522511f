using Vigil.Core.Events;

namespace Vigil.Collectors.Text.Parsing;

/// <summary>
/// What a line alone does not say: the zone of timestamps written without one, and the year of RFC 3164 lines,
/// taken from the file's last write (a line can't be newer than its file, so a later date belongs to the year before).
/// </summary>
internal sealed class LineContext
{
    public LineContext(DateTime fileWrittenUtc, TimeZoneInfo zone)
    {
        FileWrittenUtc = fileWrittenUtc;
        Zone = zone;
    }

    public DateTime FileWrittenUtc { get; }

    public TimeZoneInfo Zone { get; }

    /// <summary>The host, program and logger names of this read, one string each.</summary>
    public NamePool Names { get; } = new();

    public DateTime ToUtc(DateTime unspecified) =>
        Zone == TimeZoneInfo.Utc
            ? DateTime.SpecifyKind(unspecified, DateTimeKind.Utc)
            : TimeZoneInfo.ConvertTimeToUtc(DateTime.SpecifyKind(unspecified, DateTimeKind.Unspecified), Zone);

    /// <summary>The UTC time of a year-less date: the file's year, or the one before when that lands after the file was written.</summary>
    public DateTime InferYear(int month, int day, int hour, int minute, int second)
    {
        var year = TimeZoneInfo.ConvertTimeFromUtc(FileWrittenUtc, Zone).Year;
        if (month == 2 && day == 29 && !DateTime.IsLeapYear(year))
        {
            year--;
        }

        var utc = ToUtc(new DateTime(year, month, day, hour, minute, second));
        if (utc > FileWrittenUtc.AddDays(1))
        {
            var earlier = year - 1;
            while (month == 2 && day == 29 && !DateTime.IsLeapYear(earlier))
            {
                earlier--;
            }

            utc = ToUtc(new DateTime(earlier, month, day, hour, minute, second));
        }

        return utc;
    }
}
