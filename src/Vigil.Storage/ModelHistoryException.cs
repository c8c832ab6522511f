using Vigil.Core;

namespace Vigil.Storage;

/// <summary>A rollback has nothing to go back to (no older model, an unknown id); the message says what is kept.</summary>
public sealed class ModelHistoryException : OperatorException
{
    public ModelHistoryException(string message)
        : base(message)
    {
    }
}
