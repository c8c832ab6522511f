using Vigil.Core;

namespace Vigil.Storage;

/// <summary>The store cannot be opened or written; the message is one line naming the file and the reason.</summary>
public sealed class StoreException : OperatorException
{
    public StoreException(string message)
        : base(message)
    {
    }

    public StoreException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
