using OpenTelemetry.Proto.Resource.V1;
using Vigil.Core.Events;

namespace Vigil.Otlp.Wire;

/// <summary>
/// The resource of one <c>ResourceLogs</c> (its pieces merged, as protobuf merges a message sent more than once): its
/// attributes read once for all of its records, the parsed message only when a record's fingerprint needs it.
/// </summary>
internal sealed class WireResource
{
    private readonly byte[] _body;
    private readonly List<ProtoSlice> _pieces;
    private Resource? _parsed;

    public WireResource(byte[] body, List<ProtoSlice> pieces, NamePool interner)
    {
        _body = body;
        _pieces = pieces;
        var attributes = new WireAttributes(body);
        foreach (var piece in pieces)
        {
            var reader = new ProtoReader(body, piece);
            while (reader.Next(out var tag))
            {
                if (tag == ProtoReader.Tag(1, ProtoReader.Delimited))
                {
                    attributes.Add(reader.ReadSlice());
                }
                else
                {
                    reader.Skip(tag);
                }
            }
        }

        HostName = attributes.Text(WireKeys.HostName, interner);
        Source = attributes.Text(WireKeys.Source, interner);
        ServiceName = attributes.Text(WireKeys.ServiceName, interner);
    }

    public string? HostName { get; }

    public string? Source { get; }

    public string? ServiceName { get; }

    /// <summary>The resource as a message (null when the request has none), for <see cref="Mapping.RecordFingerprint"/>.</summary>
    public Resource? Parse()
    {
        if (_pieces.Count == 0 || _parsed is not null)
        {
            return _parsed;
        }

        var merged = new Resource();
        foreach (var piece in _pieces)
        {
            merged.MergeFrom(Resource.Parser.ParseFrom(_body, piece.Start, piece.Length));
        }

        return _parsed = merged;
    }
}
