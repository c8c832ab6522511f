namespace Vigil.Pipeline.Configuration;

/// <summary>
/// Vigil's <c>[forward]</c> section for <c>vigil forward</c>: where to push, as whom, and how much to buffer on disk while
/// the server is down. The key is a secret: never print it.
/// </summary>
/// <param name="To">The Vigil server's base URL (<c>https://vigil.example:5000</c>); batches go to <c>{to}/v1/logs</c>.</param>
/// <param name="Key">The ingest key sent as <c>X-Api-Key</c>, or null when the server takes none.</param>
/// <param name="Host">The host name the events are filed under; null: this machine's name.</param>
/// <param name="SpoolMegabytes">The most the on-disk buffer holds before the oldest batch is dropped.</param>
/// <param name="BatchSize">The most events in one pushed batch.</param>
public sealed record ForwardSettings(string? To, string? Key, string? Host, int SpoolMegabytes, int BatchSize)
{
    public const int DefaultSpoolMegabytes = 256;

    public const int DefaultBatchSize = 1000;

    public static ForwardSettings Default { get; } = new(null, null, null, DefaultSpoolMegabytes, DefaultBatchSize);

    public override string ToString() =>
        $"ForwardSettings {{ To = {To ?? "(none)"}, Key = {(Key is null ? "(none)" : "***")}, Host = {Host ?? "(this machine)"}, SpoolMegabytes = {SpoolMegabytes}, BatchSize = {BatchSize} }}";

    internal static ForwardSettings Read(SettingReader r) => new(
        r.OptionalUrl("forward", "to", secret: false),
        r.OptionalString("forward", "key"),
        r.OptionalString("forward", "host"),
        r.Int("forward", "spool_mb", DefaultSpoolMegabytes, min: 1, max: 1_000_000),
        r.Int("forward", "batch_size", DefaultBatchSize, min: 1, max: 100_000));
}
