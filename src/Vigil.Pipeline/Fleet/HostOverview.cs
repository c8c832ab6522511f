namespace Vigil.Pipeline.Fleet;

/// <summary>One host as the fleet page and <c>GET /hosts</c> show it (snake_case in JSON).</summary>
/// <param name="State">learning (no source trained yet), ok, or anomalous (an anomalous hour in its last scored day).</param>
/// <param name="LearningHours">How many of the 168 learning hours its furthest source has seen (168 once trained).</param>
/// <param name="LastEvent">Its newest stored event (UTC).</param>
/// <param name="LastVerdict">The newest hour scored for it (UTC), or null when none was.</param>
/// <param name="LastAnomaly">The newest anomalous hour of its last scored day, or null.</param>
/// <param name="EventsPerHour">Its recent volume: the mean of the last scored day's hours, else of everything stored.</param>
/// <param name="Sparkline">Events per hour over its last scored day, oldest first (empty while learning).</param>
/// <param name="Sources">Its sources (the part after the slash in <c>host:NAME/SOURCE</c>), each with its own state.</param>
public sealed record HostOverview(
    string Host,
    string State,
    int LearningHours,
    DateTime LastEvent,
    DateTime? LastVerdict,
    DateTime? LastAnomaly,
    double EventsPerHour,
    IReadOnlyList<int> Sparkline,
    IReadOnlyList<HostSourceOverview> Sources);

/// <summary>One source of a host in <see cref="HostOverview"/>.</summary>
public sealed record HostSourceOverview(string Source, string State, int LearningHours, long Events, DateTime LastEvent, DateTime? LastVerdict);
