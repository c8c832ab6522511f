using System.Text;
using OpenTelemetry.Proto.Common.V1;
using Vigil.Core.Events;
using Vigil.Otlp.Mapping;

namespace Vigil.Otlp.Wire;

/// <summary>
/// The attributes (<c>KeyValue</c>s) of one resource or record, as slices of the body, looked up by UTF-8 key; the
/// first pair with the key wins, as <see cref="Attributes"/> does for parsed messages. Reused record after record.
/// </summary>
internal sealed class WireAttributes
{
    private readonly List<(ProtoSlice Key, ProtoSlice? Value)> _pairs = [];
    private readonly byte[] _body;

    public WireAttributes(byte[] body) => _body = body;

    public void Clear() => _pairs.Clear();

    /// <summary>Adds one <c>KeyValue</c> message (key field 1, value field 2; the last of each on the wire wins).</summary>
    public void Add(ProtoSlice keyValue)
    {
        ProtoSlice key = default;
        ProtoSlice? value = null;
        var reader = new ProtoReader(_body, keyValue);
        while (reader.Next(out var tag))
        {
            if (tag == ProtoReader.Tag(1, ProtoReader.Delimited))
            {
                key = reader.ReadSlice();
            }
            else if (tag == ProtoReader.Tag(2, ProtoReader.Delimited))
            {
                value = reader.ReadSlice();
            }
            else
            {
                reader.Skip(tag);
            }
        }

        _pairs.Add((key, value));
    }

    /// <summary>A non-empty scalar under <paramref name="key"/> as text (as <see cref="Attributes.Text"/>), or null; short strings interned.</summary>
    public string? Text(ReadOnlySpan<byte> key, NamePool? interner)
    {
        if (Find(key) is not { } value)
        {
            return null;
        }

        if (value.Case == AnyValue.ValueOneofCase.StringValue)
        {
            var utf8 = value.Text.Of(_body);
            return utf8.Length == 0 ? null : interner?.Get(utf8) ?? Encoding.UTF8.GetString(utf8);
        }

        return value.Case is AnyValue.ValueOneofCase.IntValue or AnyValue.ValueOneofCase.DoubleValue or AnyValue.ValueOneofCase.BoolValue
            && AnyValueText.Scalar(value.Parse(_body)) is { Length: > 0 } text ? text : null;
    }

    /// <summary>An integer under <paramref name="key"/>: an int value as is, a scalar of another kind if its text parses.</summary>
    public bool TryInt64(ReadOnlySpan<byte> key, out long number)
    {
        if (Find(key) is { Case: AnyValue.ValueOneofCase.IntValue } value)
        {
            number = value.Integer;
            return true;
        }

        return long.TryParse(Text(key, null), out number);
    }

    private WireValue? Find(ReadOnlySpan<byte> key)
    {
        foreach (var (k, v) in _pairs)
        {
            if (k.Of(_body).SequenceEqual(key))
            {
                return v is { } slice ? WireValue.Read(_body, slice) : null;
            }
        }

        return null;
    }
}
