namespace Vigil.Api.Tests.Support;

/// <summary>Tests that change the environment or the working directory run alone, after the parallel ones.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessStateCollection
{
    public const string Name = "process state";
}
