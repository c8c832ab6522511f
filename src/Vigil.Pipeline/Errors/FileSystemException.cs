using Vigil.Core;

namespace Vigil.Pipeline.Errors;

/// <summary>The machine refused a file operation (full disk, no permission, I/O error); the message says what to do.</summary>
public sealed class FileSystemException : OperatorException
{
    public FileSystemException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
