namespace Vigil.Core.Templates;

/// <summary>Everything a <see cref="TemplateMiner"/> needs to resume with the same template ids.</summary>
public sealed record TemplateMinerState
{
    public const int CurrentVersion = 1;

    public int Version { get; init; } = CurrentVersion;

    public required TemplateMinerOptions Options { get; init; }

    public long MessageCount { get; init; }

    public int NextId { get; init; }

    public required IReadOnlyList<TemplateState> Templates { get; init; }
}
