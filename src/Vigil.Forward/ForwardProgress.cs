namespace Vigil.Forward;

/// <summary>
/// What the forwarder has done since it started, and what waits in the spool: the progress line and <c>--json</c>.
/// </summary>
/// <param name="Read">Events read from the sources and spooled.</param>
/// <param name="Sent">Events pushed (a resent batch counts again).</param>
/// <param name="Acked">Events the server acknowledged.</param>
/// <param name="Rejected">Events the server refused one by one (OTLP partial success); not resent.</param>
/// <param name="Dropped">Events dropped from a full spool while the server was not answering.</param>
/// <param name="SpooledBatches">Batches waiting on disk.</param>
/// <param name="SpooledBytes">Their size on disk.</param>
/// <param name="ServerAnswering">False while sends fail and are being retried.</param>
public sealed record ForwardProgress(long Read, long Sent, long Acked, long Rejected, long Dropped, int SpooledBatches, long SpooledBytes, bool ServerAnswering);
