namespace Vigil.Core.Detection;

/// <summary>
/// The names of the rules that can flag an hour, as <c>vigil evaluate</c> reports each one's contribution. Snake case:
/// they appear as they are in <c>--json</c> output.
/// </summary>
public static class DetectionRule
{
    /// <summary>The isolation forest (the seed model's only rule; the vigil model's when confirmed by a deviation).</summary>
    public const string Forest = "forest";

    /// <summary>A never-seen kind the security catalogue grades medium or high.</summary>
    public const string NeverSeenKind = "never_seen_kind";

    /// <summary>A catalogued kind seen only a few times in training.</summary>
    public const string RareKind = "rare_kind";

    /// <summary>Error events of kinds never seen in training.</summary>
    public const string NewErrorKind = "new_error_kind";

    /// <summary>Several events, or several audit kinds, never seen in training within one hour.</summary>
    public const string NewKindBurst = "new_kind_burst";

    /// <summary>A count (total, errors, warnings, audit failures, one kind) far above its usual at this hour.</summary>
    public const string Surge = "surge";

    /// <summary>A channel that is always busy at this hour fell silent.</summary>
    public const string SilentChannel = "silent_channel";

    /// <summary>No event at all from sources that had events in nearly every training hour.</summary>
    public const string SilentLog = "silent_log";

    /// <summary>Every rule, in the order reports list them.</summary>
    public static IReadOnlyList<string> All { get; } = [Forest, NeverSeenKind, RareKind, NewErrorKind, NewKindBurst, Surge, SilentChannel, SilentLog];
}
