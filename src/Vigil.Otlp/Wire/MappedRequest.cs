using Vigil.Core.Events;

namespace Vigil.Otlp.Wire;

/// <summary>What mapping one request gathers: the accepted records, the refusals, and the per-request caches.</summary>
internal sealed class MappedRequest
{
    private readonly Dictionary<string, string?> _normalHosts = new(StringComparer.Ordinal);
    private readonly Dictionary<(string Host, string Source), string> _storedSources = [];

    public MappedRequest(byte[] body, string? boundHost)
    {
        Body = body;
        BoundHost = boundHost;
        Record = new WireLogRecord(body);
    }

    /// <summary>The host the sender's ingest key is bound to, if it is: the host of records that name none.</summary>
    public string? BoundHost { get; }

    public byte[] Body { get; }

    public WireLogRecord Record { get; }

    public NamePool Strings { get; } = new();

    public List<OtlpRecord> Accepted { get; } = [];

    public Dictionary<(string, string), int> Occurrences { get; } = [];

    public long Rejected { get; set; }

    public string? FirstRejection { get; set; }

    /// <summary><see cref="HostSource.TryNormalizeHost"/> once per distinct name in the request.</summary>
    public string? NormalHost(string? name)
    {
        if (name is null)
        {
            return null;
        }

        if (!_normalHosts.TryGetValue(name, out var normal))
        {
            normal = HostSource.TryNormalizeHost(name, out var valid) ? valid : null;
            _normalHosts[name] = normal;
        }

        return normal;
    }

    /// <summary><see cref="HostSource.Compose"/> once per (host, source) in the request.</summary>
    public string StoredSource(string host, string source)
    {
        if (!_storedSources.TryGetValue((host, source), out var stored))
        {
            stored = HostSource.Compose(host, source);
            _storedSources[(host, source)] = stored;
        }

        return stored;
    }
}
