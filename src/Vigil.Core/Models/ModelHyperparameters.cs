namespace Vigil.Core.Models;

/// <summary>The forest's settings as trained, recorded with the model.</summary>
public sealed record ModelHyperparameters(int NEstimators, double Contamination, int RandomState, int MaxSamples);
