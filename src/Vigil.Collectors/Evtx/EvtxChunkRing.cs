using System.Runtime.ExceptionServices;

namespace Vigil.Collectors.Evtx;

/// <summary>
/// Chunk-parallel processing without batches: each worker thread claims the next chunk index, reads it (positional
/// reads, no shared file position) and processes it into its slot of a ring; the caller takes the slots back in
/// file order and frees each for the chunk one ring further on. No thread ever waits for a whole batch to finish:
/// a worker waits only when the caller is a full ring behind, and the caller only for the chunk it needs next.
/// (The batched version it replaces scaled 1.0x on 2 cores: each batch ended with one thread idle on the slowest
/// chunk, and the next batch could not start before the caller came back for it.)
/// </summary>
internal sealed class EvtxChunkRing<TState>
{
    private readonly EvtxFileReader _reader;
    private readonly int _threads;
    private readonly Action<EvtxChunkWorker, TState> _process;
    private readonly Slot[] _slots;
    private int _next = -1;
    private volatile bool _stopped;

    public EvtxChunkRing(EvtxFileReader reader, int threads, Func<TState> createState, Action<EvtxChunkWorker, TState> process)
    {
        _reader = reader;
        _threads = threads;
        _process = process;
        // Enough slots that a slow chunk does not stall the others, few enough that their buffers stay in cache.
        _slots = new Slot[Math.Min(threads * 3, Math.Max(reader.ChunkCount, 1))];
        for (var i = 0; i < _slots.Length; i++)
        {
            _slots[i] = new Slot(i, createState());
        }
    }

    public IEnumerable<(EvtxChunkWorker Worker, TState State)> Run(CancellationToken cancellationToken)
    {
        var workers = new Thread[_threads];
        for (var i = 0; i < workers.Length; i++)
        {
            workers[i] = new Thread(() => Work(cancellationToken)) { IsBackground = true, Name = "evtx chunks" };
        }

        try
        {
            foreach (var worker in workers)
            {
                worker.Start();
            }

            for (var index = 0; index < _reader.ChunkCount; index++)
            {
                var slot = _slots[index % _slots.Length];
                lock (slot)
                {
                    while (slot.Done != index)
                    {
                        Monitor.Wait(slot);
                    }
                }

                slot.Error?.Throw();
                yield return (slot.Worker, slot.State);
                lock (slot)
                {
                    slot.Turn = index + _slots.Length;
                    Monitor.PulseAll(slot);
                }
            }
        }
        finally
        {
            // A caller that stops early (or fails) must not leave threads reading from the file it is about to close.
            _stopped = true;
            foreach (var slot in _slots)
            {
                lock (slot)
                {
                    Monitor.PulseAll(slot);
                }
            }

            foreach (var worker in workers)
            {
                if (worker.IsAlive)
                {
                    worker.Join();
                }
            }
        }
    }

    private void Work(CancellationToken cancellationToken)
    {
        while (!_stopped)
        {
            var index = Interlocked.Increment(ref _next);
            if (index >= _reader.ChunkCount)
            {
                return;
            }

            var slot = _slots[index % _slots.Length];
            lock (slot)
            {
                while (slot.Turn != index && !_stopped)
                {
                    Monitor.Wait(slot);
                }
            }

            if (_stopped)
            {
                return;
            }

            slot.Error = null;
            try
            {
                cancellationToken.ThrowIfCancellationRequested();
                slot.Worker.BytesRead = _reader.ReadChunk(index, slot.Worker.Chunk.Data);
                slot.Worker.Prepare(index);
                _process(slot.Worker, slot.State);
            }
            catch (Exception e)
            {
                // Handed to the caller in file order, where the sequential road would have thrown it.
                slot.Error = ExceptionDispatchInfo.Capture(e);
            }

            lock (slot)
            {
                slot.Done = index;
                Monitor.PulseAll(slot);
            }
        }
    }

    /// <summary>One place in the ring: a worker and the caller's state, used by chunk Turn, Turn + ring size, ...</summary>
    private sealed class Slot(int first, TState state)
    {
        public EvtxChunkWorker Worker { get; } = new();

        public TState State { get; } = state;

        /// <summary>The chunk that may be processed in this slot next (the caller has taken the one before).</summary>
        public int Turn { get; set; } = first;

        /// <summary>The chunk whose results the slot holds, -1 before the first.</summary>
        public int Done { get; set; } = -1;

        public ExceptionDispatchInfo? Error { get; set; }
    }
}
