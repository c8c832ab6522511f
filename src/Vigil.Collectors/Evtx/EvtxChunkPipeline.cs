namespace Vigil.Collectors.Evtx;

/// <summary>
/// Processes the chunks of a file on several threads and hands them back in file order. Chunks are independent
/// (their names and templates are chunk-local), so a batch of them is read and processed in parallel while the caller
/// consumes the batch before (writes it out, stores its events): two batches of workers, whatever the file size.
/// </summary>
internal static class EvtxChunkPipeline
{
    public static IEnumerable<(EvtxChunkWorker Worker, TState State)> Run<TState>(
        EvtxFileReader reader,
        int threads,
        Func<TState> createState,
        Action<EvtxChunkWorker, TState> process,
        CancellationToken cancellationToken = default)
    {
        threads = Math.Clamp(threads, 1, 64);
        return threads == 1 ? Sequential(reader, createState(), process, cancellationToken) : Overlapped(reader, threads, createState, process, cancellationToken);
    }

    private static IEnumerable<(EvtxChunkWorker, TState)> Sequential<TState>(EvtxFileReader reader, TState state, Action<EvtxChunkWorker, TState> process, CancellationToken cancellationToken)
    {
        var worker = new EvtxChunkWorker();
        for (var index = 0; index < reader.ChunkCount; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            worker.BytesRead = reader.ReadChunk(index, worker.Chunk.Data);
            Process(worker, state, index, process);
            yield return (worker, state);
        }
    }

    private static IEnumerable<(EvtxChunkWorker, TState)> Overlapped<TState>(EvtxFileReader reader, int threads, Func<TState> createState, Action<EvtxChunkWorker, TState> process, CancellationToken cancellationToken)
    {
        // Without the overlap the caller's part (writing, storing) runs while every parsing thread waits for it.
        var batchSize = threads * 4;
        var sets = new[] { new Batch<TState>(batchSize, createState), new Batch<TState>(batchSize, createState) };
        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        Task? pending = null;
        try
        {
            pending = Task.Run(() => sets[0].Fill(reader, 0, options, process), cancellationToken);
            for (var (first, set) = (0, 0); first < reader.ChunkCount; first += batchSize, set ^= 1)
            {
                pending!.GetAwaiter().GetResult();
                var (next, other) = (first + batchSize, sets[set ^ 1]);
                pending = next < reader.ChunkCount ? Task.Run(() => other.Fill(reader, next, options, process), cancellationToken) : null;
                var batch = sets[set];
                for (var i = 0; i < batch.Count; i++)
                {
                    yield return (batch.Workers[i], batch.States[i]);
                }
            }
        }
        finally
        {
            // A caller that stops early must not leave a batch reading from the file it is about to close.
            try
            {
                pending?.Wait(CancellationToken.None);
            }
            catch (AggregateException)
            {
                // The caller has already stopped or failed for its own reason; this batch is not wanted.
            }
        }
    }

    private static void Process<TState>(EvtxChunkWorker worker, TState state, int index, Action<EvtxChunkWorker, TState> process)
    {
        worker.Prepare(index);
        process(worker, state);
    }

    /// <summary>One batch of chunk workers and the caller's state for each.</summary>
    private sealed class Batch<TState>
    {
        public Batch(int size, Func<TState> createState)
        {
            Workers = new EvtxChunkWorker[size];
            States = new TState[size];
            for (var i = 0; i < size; i++)
            {
                Workers[i] = new EvtxChunkWorker();
                States[i] = createState();
            }
        }

        public EvtxChunkWorker[] Workers { get; }

        public TState[] States { get; }

        public int Count { get; private set; }

        public void Fill(EvtxFileReader reader, int first, ParallelOptions options, Action<EvtxChunkWorker, TState> process)
        {
            Count = Math.Min(Workers.Length, reader.ChunkCount - first);
            for (var i = 0; i < Count; i++)
            {
                Workers[i].BytesRead = reader.ReadChunk(first + i, Workers[i].Chunk.Data);
            }

            Parallel.For(0, Count, options, i => Process(Workers[i], States[i], first + i, process));
        }
    }
}
