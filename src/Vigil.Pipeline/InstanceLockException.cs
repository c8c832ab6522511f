namespace Vigil.Pipeline;

/// <summary>Another <c>vigil serve</c> or <c>vigil watch</c> holds the data directory.</summary>
public sealed class InstanceLockException : PipelineException
{
    public InstanceLockException(string message, Exception inner)
        : base(message, inner)
    {
    }
}
