using Vigil.Core;

namespace Vigil.Collectors;

/// <summary>A source could not be read at all; the message is one line that says what to check.</summary>
public sealed class SourceException : OperatorException
{
    public SourceException(string message)
        : base(message)
    {
    }

    public SourceException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
