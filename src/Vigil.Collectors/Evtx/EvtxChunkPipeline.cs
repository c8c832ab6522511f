namespace Vigil.Collectors.Evtx;

/// <summary>
/// Processes the chunks of a file and hands them back in file order. Chunks are independent (their names and
/// templates are chunk-local), so on several threads each worker thread reads and processes the next free chunk
/// while the caller consumes the ones before (writes them out, stores their events): see <see cref="EvtxChunkRing{TState}"/>.
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
        threads = Math.Clamp(threads, 1, Math.Clamp(reader.ChunkCount, 1, 64));
        return threads == 1
            ? Sequential(reader, createState(), process, cancellationToken)
            : new EvtxChunkRing<TState>(reader, threads, createState, process).Run(cancellationToken);
    }

    private static IEnumerable<(EvtxChunkWorker, TState)> Sequential<TState>(EvtxFileReader reader, TState state, Action<EvtxChunkWorker, TState> process, CancellationToken cancellationToken)
    {
        var worker = new EvtxChunkWorker();
        for (var index = 0; index < reader.ChunkCount; index++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            worker.BytesRead = reader.ReadChunk(index, worker.Chunk.Data);
            worker.Prepare(index);
            process(worker, state);
            yield return (worker, state);
        }
    }
}
