using Vigil.Storage;

namespace Vigil.Cli.Commands.Model;

/// <summary>A kept model as the <c>vigil model</c> verbs print it under <c>--json</c>.</summary>
internal static class ModelJson
{
    public static object From(SavedModel m) => new
    {
        id = m.Id,
        kind = m.Kind,
        current = m.IsCurrent,
        trained_at = m.TrainedAt,
        training_from = m.TrainingFrom,
        training_to = m.TrainingTo,
        training_hours = m.TrainingHours,
        source = m.Source,
    };
}
