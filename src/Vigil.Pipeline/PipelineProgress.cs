namespace Vigil.Pipeline;

/// <summary>Progress of a long step: its name and how much of it is done (0–1).</summary>
public readonly record struct PipelineProgress(string Step, double Fraction);
