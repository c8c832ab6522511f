using Vigil.Core.Windows;
using Vigil.Pipeline.Configuration;

namespace Vigil.Pipeline.Fleet;

/// <summary>
/// How far a host scope is into the week it learns from: the hours from its first stored event's hour up to the end
/// of training, at most 168. At 168 the scope is trained automatically (and stays learning when the week is too
/// sparse, <c>[detection] min_training_hours</c>).
/// </summary>
public static class LearningWeek
{
    public const int Hours = DetectionSettings.TrainingHours;

    public static int HoursSeen(DateTime firstEvent, DateTime trainingEnd)
    {
        var hours = (trainingEnd - HourRange.FloorHour(firstEvent)).Ticks / TimeSpan.TicksPerHour;
        return (int)Math.Clamp(hours, 0, Hours);
    }

    /// <summary>The operator's words: "learning (40 of 168 hours)".</summary>
    public static string Describe(int hoursSeen) => $"learning ({hoursSeen} of {Hours} hours)";
}
