namespace Vigil.Core.Detection;

/// <summary>
/// The short ranked list an operator reads wherever a flagged hour is shown (detect, alerts, dashboard): the strongest
/// few reasons, then a count of the rest, which stay one step away (<c>--json</c>, the dashboard's details).
/// </summary>
public static class ReasonList
{
    /// <summary>How many reasons are shown before "and N more"; the dashboard's reasons.js shows the same number.</summary>
    public const int Shown = 4;

    /// <summary>The reasons shown: the first <see cref="Shown"/>, strongest first as the detector ranked them.</summary>
    public static IEnumerable<string> Top(IReadOnlyList<string> reasons) => reasons.Take(Shown);

    /// <summary>How many reasons are left out of <see cref="Top"/>.</summary>
    public static int Hidden(IReadOnlyList<string> reasons) => Math.Max(0, reasons.Count - Shown);

    /// <summary>"and 3 more" when reasons were left out, else null.</summary>
    public static string? More(IReadOnlyList<string> reasons) =>
        Hidden(reasons) switch
        {
            0 => null,
            1 => "and 1 more reason",
            var n => $"and {n} more reasons",
        };
}
