using Vigil.Forward;
using Vigil.Forward.Sending;

namespace Vigil.Forward.Tests.Support;

/// <summary>
/// A server in memory: stores each (source, record key) once, as Vigil's store does, and answers as told —
/// down (retry), refusing some records, or refusing the key.
/// </summary>
internal sealed class RecordingSender : IBatchSender
{
    private readonly object _gate = new();
    private readonly Dictionary<(string Source, string Key), string?> _stored = [];

    /// <summary>While set and not null for a batch, the answer to it (e.g. a retry while the server is "down"); it may throw.</summary>
    public Func<ForwardBatch, SendResult?>? Answer { get; set; }

    public int Requests { get; private set; }

    public int Stored
    {
        get
        {
            lock (_gate)
            {
                return _stored.Count;
            }
        }
    }

    public IReadOnlyList<string> Messages()
    {
        lock (_gate)
        {
            return [.. _stored.Values.Select(m => m ?? string.Empty)];
        }
    }

    public Task<SendResult> SendAsync(ForwardBatch batch, CancellationToken cancellationToken)
    {
        lock (_gate)
        {
            Requests++;
            if (Answer?.Invoke(batch) is { } answer)
            {
                if (answer.Status == SendStatus.Retry)
                {
                    return Task.FromResult(answer);
                }

                foreach (var e in batch.Events.Skip((int)answer.Rejected))
                {
                    _stored.TryAdd((batch.Source, e.RecordKey), e.Message);
                }

                return Task.FromResult(answer);
            }

            foreach (var e in batch.Events)
            {
                _stored.TryAdd((batch.Source, e.RecordKey), e.Message);
            }

            return Task.FromResult(SendResult.Accepted);
        }
    }
}
