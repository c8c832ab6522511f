using Vigil.Core;

namespace Vigil.Forward;

/// <summary>
/// <c>vigil forward</c> cannot go on until the operator fixes something: a bad URL, an ingest key the server refuses,
/// a spool folder it cannot write. The message is the one line they see (exit 2).
/// </summary>
public sealed class ForwardException : OperatorException
{
    public ForwardException(string message)
        : base(message)
    {
    }

    public ForwardException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
