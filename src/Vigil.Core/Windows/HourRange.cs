namespace Vigil.Core.Windows;

/// <summary>A run of whole UTC hours: [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct HourRange(DateTime Start, DateTime End)
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>The most hours one run or query covers: a leap year. More is a typo, and would cost memory, not insight.</summary>
    public const int MaxHours = 24 * 366;

    /// <summary>The <paramref name="hours"/> whole hours that end at <paramref name="end"/> (rounded up to an hour boundary).</summary>
    public static HourRange Ending(DateTime end, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        var last = CeilingHour(end);
        return new HourRange(last - TimeSpan.FromHours(hours), last);
    }

    public int Hours => (int)((End - Start).Ticks / Hour.Ticks);

    public bool Contains(DateTime utc) => utc >= Start && utc < End;

    public IEnumerable<DateTime> EachHour()
    {
        for (var h = Start; h < End; h += Hour)
        {
            yield return h;
        }
    }

    public static DateTime FloorHour(DateTime utc) =>
        new(utc.Ticks - (utc.Ticks % Hour.Ticks), DateTimeKind.Utc);

    public static DateTime CeilingHour(DateTime utc)
    {
        var floor = FloorHour(utc);
        return floor == utc ? floor : floor + Hour;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd HH:00} – {End:yyyy-MM-dd HH:00} UTC";
}
