namespace Vigil.Forward.Sending;

/// <summary>The server's answer to one batch.</summary>
/// <param name="Status">Accepted (never resend) or Retry (resend after a backoff).</param>
/// <param name="Rejected">Records the server refused while accepting the batch (OTLP partial success); counted, not resent.</param>
/// <param name="Message">The server's reason for a rejection or a retry, shown to the operator once.</param>
/// <param name="RetryAfter">How long the server asked us to wait (HTTP Retry-After), if it said.</param>
public sealed record SendResult(SendStatus Status, long Rejected = 0, string? Message = null, TimeSpan? RetryAfter = null)
{
    public static SendResult Accepted { get; } = new(SendStatus.Accepted);

    public static SendResult RetryLater(string reason, TimeSpan? after = null) => new(SendStatus.Retry, Message: reason, RetryAfter: after);
}
