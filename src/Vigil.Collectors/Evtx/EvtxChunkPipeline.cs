namespace Vigil.Collectors.Evtx;

/// <summary>
/// Processes the chunks of a file on several threads and hands them back in file order. Chunks are independent
/// (their names and templates are chunk-local), so a batch of them is read, processed in parallel, then yielded;
/// memory is one batch of workers whatever the file size.
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
        var batchSize = threads == 1 ? 1 : threads * 4;
        var workers = new EvtxChunkWorker[batchSize];
        var states = new TState[batchSize];
        for (var i = 0; i < batchSize; i++)
        {
            workers[i] = new EvtxChunkWorker();
            states[i] = createState();
        }

        var options = new ParallelOptions { MaxDegreeOfParallelism = threads, CancellationToken = cancellationToken };
        for (var first = 0; first < reader.ChunkCount; first += batchSize)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var count = Math.Min(batchSize, reader.ChunkCount - first);
            for (var i = 0; i < count; i++)
            {
                workers[i].BytesRead = reader.ReadChunk(first + i, workers[i].Chunk.Data);
            }

            if (count == 1)
            {
                Process(workers[0], states[0], first, process);
            }
            else
            {
                Parallel.For(0, count, options, i => Process(workers[i], states[i], first + i, process));
            }

            for (var i = 0; i < count; i++)
            {
                yield return (workers[i], states[i]);
            }
        }
    }

    private static void Process<TState>(EvtxChunkWorker worker, TState state, int index, Action<EvtxChunkWorker, TState> process)
    {
        worker.Prepare(index);
        process(worker, state);
    }
}
