using Vigil.Pipeline;

namespace Vigil.Api.Contracts;

/// <summary>A finished setup: the seed's success message and what the model was trained on.</summary>
public sealed record SetupDto(string Message, string Source, DateTime TrainingFrom, DateTime TrainingTo, int TrainingHours, long Events, long EventsNew)
{
    public static SetupDto From(SetupResult setup) => new(
        SetupService.SuccessMessage,
        setup.Model.Source,
        setup.Range.Start,
        setup.Range.End,
        setup.Model.TrainingHours,
        setup.EventsInRange,
        setup.Collected.Added);
}
