namespace Vigil.Storage.Postgres;

/// <summary>
/// Times as the PostgreSQL store keeps them: UTC, to the millisecond (as the SQLite store does, so both engines read
/// back the same events). DateTime.MinValue/MaxValue pass through: Npgsql maps them to -infinity/infinity.
/// </summary>
internal static class PgTime
{
    public static DateTime ToStored(DateTime time) =>
        time == DateTime.MinValue || time == DateTime.MaxValue
            ? DateTime.SpecifyKind(time, DateTimeKind.Utc)
            : new DateTime(time.Ticks - (time.Ticks % TimeSpan.TicksPerMillisecond), DateTimeKind.Utc);

    public static DateTime FromStored(DateTime time) => DateTime.SpecifyKind(time, DateTimeKind.Utc);
}
