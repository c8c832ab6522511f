namespace Vigil.Core.Models;

/// <summary>A saved model cannot be used by this Vigil (another format version or feature set); the message says what to do.</summary>
public sealed class ModelFormatException : OperatorException
{
    public ModelFormatException(string message)
        : base(message)
    {
    }
}
