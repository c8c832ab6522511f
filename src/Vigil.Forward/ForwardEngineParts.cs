using Vigil.Forward.Spool;

namespace Vigil.Forward;

/// <summary>What the source pumps and the shipper share: the spool, the acknowledged checkpoints, the counters and two pulses.</summary>
internal sealed record ForwardEngineParts(
    BatchSpool Spool,
    AckedCheckpoints Acked,
    ForwardOptions Options,
    ForwardCounters Counters,
    Action<string> Log,
    TimeProvider Time)
{
    /// <summary>Signalled when a batch is spooled: the shipper has work.</summary>
    public Pulse Spooled { get; } = new();

    /// <summary>Signalled when a batch leaves the spool: a pump waiting for room may go on.</summary>
    public Pulse Removed { get; } = new();
}
