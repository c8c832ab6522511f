using System.Globalization;

namespace Vigil.Storage.Outbox;

/// <summary>
/// One alert waiting for (or done with) one channel. The store keeps the payload as opaque JSON so it never depends
/// on the alerting code; <see cref="Source"/>, <see cref="IncidentId"/> and the hour span let the next run know what
/// was already alerted.
/// </summary>
/// <param name="Channel">The channel's name (email, slack, webhook).</param>
/// <param name="Source">The source the hours came from.</param>
/// <param name="IncidentId">Groups a first alert, its updates and its resolution.</param>
/// <param name="Kind">new, update or resolved.</param>
/// <param name="FirstHour">The incident's first anomalous hour (UTC).</param>
/// <param name="LastHour">The incident's last anomalous hour covered by this entry (UTC).</param>
/// <param name="Payload">The alert as JSON.</param>
public sealed record OutboxEntry(string Channel, string Source, string IncidentId, string Kind, DateTime FirstHour, DateTime LastHour, string Payload)
{
    public long Id { get; init; }

    public OutboxStatus Status { get; init; } = OutboxStatus.Pending;

    public int Attempts { get; init; }

    public DateTime CreatedAt { get; init; }

    public DateTime? NextAttemptAt { get; init; }

    public DateTime? SentAt { get; init; }

    /// <summary>The last delivery error, already free of secrets.</summary>
    public string? LastError { get; init; }

    /// <summary>Unique per channel: enqueueing the same alert twice (a rerun over the same hours) adds nothing.</summary>
    public string DedupeKey => string.Create(
        CultureInfo.InvariantCulture,
        $"{Kind}|{IncidentId}|{UnixTime.ToMs(LastHour)}");
}
