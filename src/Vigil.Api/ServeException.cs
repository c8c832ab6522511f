using Vigil.Core;

namespace Vigil.Api;

/// <summary><c>vigil serve</c> cannot start (unsafe listen address, another instance on the same data); the message is one line for the operator.</summary>
public sealed class ServeException : OperatorException
{
    public ServeException(string message, Exception? inner = null)
        : base(message, inner)
    {
    }
}
