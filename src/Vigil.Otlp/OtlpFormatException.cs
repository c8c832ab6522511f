namespace Vigil.Otlp;

/// <summary>An OTLP request body that is not a valid export request in the encoding it claims; the message says what is wrong.</summary>
public sealed class OtlpFormatException : Exception
{
    public OtlpFormatException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
