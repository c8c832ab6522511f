namespace Vigil.Otlp.Mapping;

/// <summary>OTLP times (nanoseconds since the Unix epoch) to and from UTC <see cref="DateTime"/>, exact to the tick (100 ns).</summary>
internal static class UnixNanos
{
    private static readonly ulong MaxNanos = (ulong)(DateTime.MaxValue.Ticks - DateTime.UnixEpoch.Ticks) * 100;

    public static bool TryToDateTime(ulong nanos, out DateTime time)
    {
        if (nanos > MaxNanos)
        {
            time = default;
            return false;
        }

        time = new DateTime(DateTime.UnixEpoch.Ticks + (long)(nanos / 100), DateTimeKind.Utc);
        return true;
    }

    public static ulong FromDateTime(DateTime time)
    {
        var ticks = time.ToUniversalTime().Ticks - DateTime.UnixEpoch.Ticks;
        return ticks <= 0 ? 0 : (ulong)ticks * 100;
    }
}
