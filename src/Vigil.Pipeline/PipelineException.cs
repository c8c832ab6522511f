using Vigil.Core;

namespace Vigil.Pipeline;

/// <summary>A run cannot go on (no model yet, no events); the message is the one line the operator sees.</summary>
public class PipelineException : OperatorException
{
    public PipelineException(string message)
        : base(message)
    {
    }

    public PipelineException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
