using Vigil.Collectors.Text.Parsing;

namespace Vigil.Collectors.Text.Layout;

/// <summary>
/// Reads a timestamp of one <see cref="TimestampStyle"/> at a position. Each style is a shape (digit groups and
/// separators, month names, epoch numbers), so a product never seen before is read when it writes a common shape.
/// Returns the chars consumed, 0 when the text there is not such a timestamp.
/// </summary>
internal static class TimestampReader
{
    // Epoch numbers are only believed between 2000 and a day after the file was written; an id or a count is not a time.
    private static readonly DateTime EarliestEpoch = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static int TryRead(ReadOnlySpan<char> s, int start, TimestampStyle style, LineContext context, out DateTime utc)
    {
        utc = default;
        if (start >= s.Length)
        {
            return 0;
        }

        var rest = s[start..];
        var length = style switch
        {
            TimestampStyle.IsoLike => NumericDates.IsoLike(rest, context, out utc),
            TimestampStyle.ShortYear => NumericDates.ShortYear(rest, context, out utc),
            TimestampStyle.Compact => NumericDates.Compact(rest, context, out utc),
            TimestampStyle.MonthDay => NumericDates.MonthDay(rest, context, out utc),
            TimestampStyle.DayFirst => NumericDates.DayFirst(rest, context, out utc),
            TimestampStyle.MonthName => NamedMonthDates.MonthName(rest, context, out utc),
            TimestampStyle.CommonLog => NamedMonthDates.CommonLog(rest, context, out utc),
            TimestampStyle.Epoch => Epoch(rest, context, out utc),
            _ => 0,
        };
        return length > 0 && TimeParts.EndsAt(rest, length) ? length : 0;
    }

    /// <summary>The first style that reads at <paramref name="start"/>, if any.</summary>
    public static int TryReadAny(ReadOnlySpan<char> s, int start, LineContext context, out TimestampStyle style, out DateTime utc)
    {
        foreach (var candidate in TimestampStyles.All)
        {
            var length = TryRead(s, start, candidate, context, out utc);
            if (length > 0)
            {
                style = candidate;
                return length;
            }
        }

        style = default;
        utc = default;
        return 0;
    }

    private static int Epoch(ReadOnlySpan<char> s, LineContext context, out DateTime utc)
    {
        utc = default;
        var length = Digits.ReadRun(s, 0, out var value);
        long ticks = 0;
        int consumed;
        if (length == 10)
        {
            consumed = 10 + (length < s.Length && s[length] == '.' ? TimeParts.Fraction(s, 10, out ticks) : 0);
            ticks += value * TimeSpan.TicksPerSecond;
        }
        else if (length == 13)
        {
            consumed = 13;
            ticks = value * TimeSpan.TicksPerMillisecond;
        }
        else
        {
            return 0;
        }

        var time = DateTime.UnixEpoch.AddTicks(ticks);
        if (time < EarliestEpoch || time > context.FileWrittenUtc.AddDays(1))
        {
            return 0;
        }

        utc = time;
        return consumed;
    }
}
