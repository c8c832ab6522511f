namespace Vigil.Forward.Sending;

/// <summary>
/// Delivers one batch to the server and says what became of it. The forwarder advances a source's checkpoint only on
/// <see cref="SendStatus.Accepted"/>; the server's (source, record key) dedup makes a resent batch harmless.
/// </summary>
public interface IBatchSender
{
    /// <summary>
    /// Sends <paramref name="batch"/> once. Answers <see cref="SendStatus.Retry"/> for what may pass later (server down,
    /// overloaded, network); throws <see cref="ForwardException"/> for what never will (a refused key, a wrong URL).
    /// </summary>
    Task<SendResult> SendAsync(ForwardBatch batch, CancellationToken cancellationToken);
}
