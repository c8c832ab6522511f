using Vigil.Core.Models;
using Vigil.Core.Windows;

namespace Vigil.Pipeline;

/// <summary>A finished setup: the model trained, on which hours (and how many of them held events), from how many events.</summary>
public sealed record SetupResult(ModelDocument Model, HourRange Range, long EventsInRange, CollectResult Collected, string ModelPath, int HoursWithEvents);
