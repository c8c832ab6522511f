using Vigil.Core;

namespace Vigil.Pipeline.Configuration;

/// <summary>The configuration is unreadable or a value is invalid; the message names the file, section, key and value.</summary>
public sealed class ConfigException : OperatorException
{
    public ConfigException(string message)
        : base(message)
    {
    }

    public ConfigException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
