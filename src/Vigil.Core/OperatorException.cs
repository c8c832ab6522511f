namespace Vigil.Core;

/// <summary>
/// An error the operator can fix (bad input, bad config, missing model, unreadable file): its message is the one line
/// they see, naming what is wrong and what to do. Every verb maps it to exit code 2; any other exception is internal
/// (exit 3, logged in full).
/// </summary>
public abstract class OperatorException : Exception
{
    protected OperatorException(string message)
        : base(message)
    {
    }

    protected OperatorException(string message, Exception? inner)
        : base(message, inner)
    {
    }
}
