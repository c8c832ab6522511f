using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Pipeline;

/// <summary>
/// A finished setup or retrain: the model trained, on which hours (and how many of them held events), from how many
/// events; for a retrain, how many flagged or suppressed hours of the week were left out of the baseline.
/// </summary>
public sealed record SetupResult(ModelDocument Model, HourRange Range, long EventsInRange, CollectResult Collected, string ModelPath, int HoursWithEvents, int HoursLeftOut = 0);
