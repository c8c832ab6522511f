namespace Vigil.Collectors.Evtx;

internal static class EvtxTime
{
    /// <summary>The last FILETIME a <see cref="DateTime"/> can hold (9999-12-31).</summary>
    public const long MaxFileTime = 2650467743999999999;

    public static DateTime? FromFileTime(long fileTime) =>
        fileTime is >= 0 and <= MaxFileTime ? DateTime.FromFileTimeUtc(fileTime) : null;
}
