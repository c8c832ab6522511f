namespace Vigil.Otlp.Wire;

/// <summary>Where a length-delimited field's bytes lie in the request body.</summary>
internal readonly record struct ProtoSlice(int Start, int Length)
{
    public ReadOnlySpan<byte> Of(byte[] body) => body.AsSpan(Start, Length);
}
