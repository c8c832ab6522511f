using Vigil.Core.Detection;
using Vigil.Core.Windows;

namespace Vigil.Core.Models;

/// <summary>A trained model that scores hours: the seed's or Vigil's.</summary>
public interface IHourModel
{
    /// <summary>What is saved under <c>models/</c>.</summary>
    ModelDocument Document { get; }

    /// <summary>
    /// Scores <paramref name="windows"/> from index <paramref name="first"/> on; earlier windows are history a model
    /// may use for context (the seed model ignores them).
    /// </summary>
    IReadOnlyList<HourDetection> Score(IReadOnlyList<HourWindow> windows, int first);
}
