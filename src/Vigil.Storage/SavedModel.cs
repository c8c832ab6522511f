namespace Vigil.Storage;

/// <summary>One model the repository keeps (<c>vigil model list</c>): its id, when it was trained and on which hours.</summary>
public sealed record SavedModel(string Id, string Kind, DateTime TrainedAt, DateTime TrainingFrom, DateTime TrainingTo, int TrainingHours, string Source, bool IsCurrent);
