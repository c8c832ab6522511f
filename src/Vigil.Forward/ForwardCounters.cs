namespace Vigil.Forward;

/// <summary>Counters shared by the source pumps and the shipper; read at any time as a <see cref="ForwardProgress"/>.</summary>
internal sealed class ForwardCounters
{
    private long _read;
    private long _sent;
    private long _acked;
    private long _rejected;
    private long _dropped;
    private int _answering = 1;

    public bool ServerAnswering
    {
        get => Volatile.Read(ref _answering) == 1;
        set => Volatile.Write(ref _answering, value ? 1 : 0);
    }

    public void AddRead(long n) => Interlocked.Add(ref _read, n);

    public void AddSent(long n) => Interlocked.Add(ref _sent, n);

    public void AddAcked(long n) => Interlocked.Add(ref _acked, n);

    public void AddRejected(long n) => Interlocked.Add(ref _rejected, n);

    public void AddDropped(long n) => Interlocked.Add(ref _dropped, n);

    public ForwardProgress Snapshot(Spool.BatchSpool spool) => new(
        Interlocked.Read(ref _read),
        Interlocked.Read(ref _sent),
        Interlocked.Read(ref _acked),
        Interlocked.Read(ref _rejected),
        Interlocked.Read(ref _dropped),
        spool.Count,
        spool.Bytes,
        ServerAnswering);
}
