using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Commands.Shared;
using Vigil.Core.Detection;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Export;

namespace Vigil.Cli.Commands.Export;

/// <summary>
/// <c>vigil export hours</c>: every stored hour of the sources as CSV under data/processed, as the seed kept them —
/// the hourly summary of the stored events, plus the verdict columns where a detection scored the hour.
/// </summary>
internal static class ExportHoursCommand
{
    public const string Header = "hour_timestamp,total_events,error_count,warning_count,info_count,error_rate,is_anomaly,anomaly_score,severity,threshold,model_id";

    public static Command Create()
    {
        var config = CommonOptions.Config();
        var source = CommonOptions.Source();
        var output = new Option<string?>("--output") { Description = "The CSV file to write (default: <data_dir>/processed/hourly_summaries.csv)" };
        var command = new Command("hours", "Write the hourly summaries of the stored events, with their verdicts where scored, to a CSV file") { config, source, output };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var sources = context.Sources(result.GetValue(source)).Select(s => s.Name).ToArray();
            var path = result.GetValue(output) ?? Path.Combine(context.Config.Vigil.ProcessedDir, "hourly_summaries.csv");
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            var (hours, scored) = (0, 0);
            await using (var writer = new StreamWriter(path))
            {
                await writer.WriteLineAsync(Header).ConfigureAwait(false);
                await foreach (var hour in HourExport.ReadAsync(context, sources, cancellationToken).ConfigureAwait(false))
                {
                    hours++;
                    scored += hour.Verdict is null ? 0 : 1;
                    await writer.WriteLineAsync(Row(hour)).ConfigureAwait(false);
                }
            }

            Console.WriteLine($"Wrote {hours} hours ({scored} scored) of {string.Join(", ", sources)} to {path}");
            return CommandRunner.Ok;
        }));
        return command;
    }

    private static string Row(ExportedHour hour)
    {
        var s = hour.Summary;
        var seed = string.Create(CultureInfo.InvariantCulture, $"{s.HourTimestamp},{s.TotalEvents},{s.ErrorCount},{s.WarningCount},{s.InfoCount},{s.ErrorRate:R}");
        if (hour.Verdict is not { } stored)
        {
            return seed + ",,,,,";
        }

        var v = stored.Hour;
        var severity = v.Severity == AnomalySeverity.None ? string.Empty : v.Severity.ToString().ToLowerInvariant();
        return seed + string.Create(CultureInfo.InvariantCulture, $",{(v.IsAnomaly ? "True" : "False")},{v.AnomalyScore:R},{severity},{v.Threshold:R},{stored.ModelId}");
    }
}
