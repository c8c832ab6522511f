using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Commands.Shared;
using Vigil.Core.Windows;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Export;

/// <summary><c>vigil export hours</c>: the scored hourly summaries as CSV under data/processed, as the seed kept them.</summary>
internal static class ExportHoursCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var output = new Option<string?>("--output") { Description = "The CSV file to write (default: <data_dir>/processed/hourly_summaries.csv)" };
        var command = new Command("hours", "Write the scored hourly summaries to a CSV file") { config, output };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(async () =>
        {
            using var context = new VigilContext(ConfigLoader.Load(result.GetValue(config)));
            var path = result.GetValue(output) ?? Path.Combine(context.Config.Vigil.ProcessedDir, "hourly_summaries.csv");
            var hours = await context.Store.GetScoredHoursAsync(new HourRange(DateTime.MinValue, DateTime.MaxValue), cancellationToken).ConfigureAwait(false);
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
            await using (var writer = new StreamWriter(path))
            {
                await writer.WriteLineAsync("hour_timestamp,total_events,error_count,warning_count,info_count,error_rate,is_anomaly,anomaly_score").ConfigureAwait(false);
                foreach (var h in hours)
                {
                    var s = h.Summary;
                    await writer.WriteLineAsync(string.Create(
                        CultureInfo.InvariantCulture,
                        $"{s.HourTimestamp},{s.TotalEvents},{s.ErrorCount},{s.WarningCount},{s.InfoCount},{s.ErrorRate:R},{(h.IsAnomaly ? "True" : "False")},{h.AnomalyScore:R}")).ConfigureAwait(false);
                }
            }

            Console.WriteLine($"Wrote {hours.Count} hours to {path}");
            return CommandRunner.Ok;
        }));
        return command;
    }
}
