namespace Vigil.Forward.Sending;

/// <summary>What the server did with a batch.</summary>
public enum SendStatus
{
    /// <summary>Acknowledged: stored, or refused record by record (<see cref="SendResult.Rejected"/>) — never sent again.</summary>
    Accepted,

    /// <summary>Not taken this time (unreachable, 429, 5xx): the same batch is sent again after a backoff.</summary>
    Retry,
}
