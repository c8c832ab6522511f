using System.CommandLine;
using Microsoft.Extensions.Logging;
using Vigil.Cli.Commands.Shared;
using Vigil.Collectors;
using Vigil.Ingest;
using Vigil.Pipeline;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Scheduling;

namespace Vigil.Cli.Commands;

/// <summary>
/// <c>vigil watch</c>: tails every configured live source at once, stores events as they arrive (each batch committed
/// with its checkpoint), and runs detection at each hour boundary for the hour that just closed. Ctrl+C / SIGTERM stop
/// it cleanly: the last committed checkpoint is where the next start resumes.
/// </summary>
internal static class WatchCommand
{
    public static Command Create()
    {
        var config = CommonOptions.Config();
        var source = CommonOptions.Source();
        var command = new Command("watch", "Follow live sources continuously and run detection every hour") { config, source };
        command.SetAction((result, cancellationToken) => CommandRunner.RunUntilStoppedAsync(cancellationToken, async () =>
        {
            var settings = ConfigLoader.Load(result.GetValue(config));
            using var instance = InstanceLock.Acquire(settings.Vigil.DataDir);
            using var context = new VigilContext(settings);
            var sources = context.Sources(result.GetValue(source))
                .Select(s => s as ILiveLogSource ?? throw new SourceException($"{s.Name}: watch follows syslog:, text:, journald and eventlog: sources; read {s.Name} with setup or detect"))
                .ToList();

            using var logging = LoggerFactory.Create(b => b.AddSimpleConsole(o => o.SingleLine = true));
            var log = logging.CreateLogger("vigil.watch");
            var follower = new EventIngestor(context.Store, context.IngestPolicy, message => log.LogWarning("{Message}", message), context.Clock)
            {
                BatchCommitted = batch =>
                {
                    if (batch.Late > 0)
                    {
                        log.LogWarning("{Source}: {Late} late events stored in hours already scored; those hours' summaries changed", batch.Source, batch.Late);
                    }
                },
            };
            // Detection reads what the follower stored, for the sources it follows: never the sources again.
            var target = new StoreDetectionTarget(context, message => log.LogWarning("{Message}", message), string.Join(", ", sources.Select(s => s.Name)), collect: false)
            {
                Scored = end => follower.ScoredThrough = end,
            };
            follower.ScoredThrough = await target.GetLastScoredHourEndAsync(cancellationToken).ConfigureAwait(false);
            using var scheduler = new HourlyDetectionScheduler(
                target,
                new HourlySchedule(settings.Api.ScheduleMinute, settings.Detection.CollectionHours),
                logging.CreateLogger<HourlyDetectionScheduler>());

            log.LogInformation("Watching {Sources}; detection runs at minute {Minute} of every hour. Ctrl+C stops.", string.Join(", ", sources.Select(s => s.Name)), settings.Api.ScheduleMinute);
            await scheduler.StartAsync(cancellationToken).ConfigureAwait(false);
            try
            {
                await follower.RunAsync(sources, cancellationToken).ConfigureAwait(false);
            }
            finally
            {
                await scheduler.StopAsync(CancellationToken.None).ConfigureAwait(false);
                log.LogInformation("Stopped; sources resume from their last committed checkpoint.");
            }

            return CommandRunner.Ok;
        }));
        return command;
    }
}
