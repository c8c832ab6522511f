namespace Vigil.Pipeline;

/// <summary>Detection was asked for before setup; the seed's message.</summary>
public sealed class NoModelException : PipelineException
{
    public const string SeedMessage = "There are no model files. Run 'vigil setup' first.";

    public NoModelException()
        : base(SeedMessage)
    {
    }
}
