using Vigil.Core.Windows;

namespace Vigil.Pipeline.Evaluation;

/// <summary>
/// Labelled hours for <c>vigil evaluate</c>: a CSV of <c>hour_timestamp,label</c> (header optional), label 1 for an
/// incident hour and 0 for a normal one. Hours not listed count as normal.
/// </summary>
public static class LabelFile
{
    public static async Task<IReadOnlySet<DateTime>> ReadAsync(string path, CancellationToken cancellationToken)
    {
        if (!File.Exists(path))
        {
            throw new PipelineException($"{path}: labels file not found");
        }

        var incidents = new HashSet<DateTime>();
        var number = 0;
        foreach (var line in await File.ReadAllLinesAsync(path, cancellationToken).ConfigureAwait(false))
        {
            number++;
            var fields = line.Split(',', StringSplitOptions.TrimEntries);
            if (line.Trim().Length == 0 || (number == 1 && fields[0].Contains("hour", StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            if (fields.Length != 2 || fields[1] is not ("0" or "1"))
            {
                throw new PipelineException($"{path}:{number}: expected 'hour_timestamp,label' with label 0 or 1, got '{Clip(line)}'");
            }

            DateTime hour;
            try
            {
                hour = HourlySummary.ParseHour(fields[0].Trim('"'));
            }
            catch (FormatException)
            {
                throw new PipelineException($"{path}:{number}: '{Clip(fields[0])}' is not an hour like 2026-03-17 01:00:00");
            }

            if (fields[1] == "1")
            {
                incidents.Add(HourRange.FloorHour(hour));
            }
        }

        return incidents;
    }

    private static string Clip(string text) => text.Length > 60 ? text[..60] + "..." : text;
}
