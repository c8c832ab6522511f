namespace Vigil.Core.Windows;

/// <summary>A run of whole UTC hours: [<see cref="Start"/>, <see cref="End"/>).</summary>
public readonly record struct HourRange(DateTime Start, DateTime End)
{
    public static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    /// <summary>The most hours one run or query covers: a leap year. More is a typo, and would cost memory, not insight.</summary>
    public const int MaxHours = 24 * 366;

    /// <summary>The last whole hour a range can end at: 9999-12-31 23:00 UTC.</summary>
    public static readonly DateTime LastHour = FloorHour(DateTime.MaxValue);

    /// <summary>
    /// The <paramref name="hours"/> whole hours that end at <paramref name="end"/> (rounded up to an hour boundary),
    /// clamped to representable dates: no date, however absurd, makes a range throw.
    /// </summary>
    public static HourRange Ending(DateTime end, int hours)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(hours, 1);
        var last = CeilingHour(end);
        var span = TimeSpan.FromHours(hours);
        return new HourRange(last.Ticks - DateTime.MinValue.Ticks < span.Ticks ? DateTime.SpecifyKind(DateTime.MinValue, DateTimeKind.Utc) : last - span, last);
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
        return floor == utc || floor == LastHour ? floor : floor + Hour;
    }

    /// <summary>The end of the hour <paramref name="utc"/> falls in (clamped to <see cref="LastHour"/>): the range that must include it ends there.</summary>
    public static DateTime EndOfHour(DateTime utc)
    {
        var floor = FloorHour(utc);
        return floor == LastHour ? floor : floor + Hour;
    }

    public override string ToString() => $"{Start:yyyy-MM-dd HH:00} – {End:yyyy-MM-dd HH:00} UTC";
}
