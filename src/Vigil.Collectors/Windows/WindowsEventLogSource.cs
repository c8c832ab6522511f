using System.Diagnostics.Eventing.Reader;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using Vigil.Core.Events;

namespace Vigil.Collectors.Windows;

/// <summary><c>eventlog:CHANNEL</c>: a live Windows channel (System, Application, Security, any other), queried by time range.</summary>
internal sealed class WindowsEventLogSource : ILogSource
{
    private readonly string _channel;

    public WindowsEventLogSource(string name, string channel)
    {
        Name = name;
        _channel = channel;
    }

    public string Name { get; }

    public bool IsLive => true;

    public IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new SourceException($"{Name}: Windows event logs can only be read live on Windows; on this machine use evtx:PATH (exported .evtx files), file:PATH, syslog:PATH or journald");
        }

        return Read(options, cancellationToken);
    }

    [SupportedOSPlatform("windows")]
    private async IAsyncEnumerable<LogEvent> Read(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var query = new EventLogQuery(_channel, PathType.LogName, TimeFilter(options.From, options.To));
        EventLogReader reader;
        try
        {
            reader = new EventLogReader(query);
        }
        catch (UnauthorizedAccessException)
        {
            throw new SourceException($"{Name}: access denied; the {_channel} log needs administrator rights (run Vigil elevated or as a service account in 'Event Log Readers')");
        }
        catch (EventLogNotFoundException)
        {
            throw new SourceException($"{Name}: there is no event log named '{_channel}' on this machine (see 'wevtutil el')");
        }

        using (reader)
        {
            while (reader.ReadEvent() is { } record)
            {
                cancellationToken.ThrowIfCancellationRequested();
                using (record)
                {
                    yield return ToEvent(record);
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    [SupportedOSPlatform("windows")]
    private static LogEvent ToEvent(EventRecord record)
    {
        string? message;
        try
        {
            message = record.FormatDescription();
        }
        catch (EventLogException)
        {
            message = null;
        }

        var time = record.TimeCreated?.ToUniversalTime() ?? DateTime.UtcNow;
        return new LogEvent(
            DateTime.SpecifyKind(time, DateTimeKind.Utc),
            record.Level ?? LevelMapping.Information,
            record.Id,
            record.ProviderName ?? string.Empty,
            record.LogName ?? string.Empty,
            record.MachineName ?? string.Empty,
            message,
            $"{record.MachineName}/{record.LogName}/{record.RecordId}");
    }

    private static string TimeFilter(DateTime from, DateTime to)
    {
        static string Iso(DateTime t) => t.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture);
        var clauses = new List<string>();
        if (from > DateTime.MinValue)
        {
            clauses.Add($"@SystemTime>='{Iso(from)}'");
        }

        if (to < DateTime.MaxValue)
        {
            clauses.Add($"@SystemTime<'{Iso(to)}'");
        }

        return clauses.Count == 0 ? "*" : $"*[System[TimeCreated[{string.Join(" and ", clauses)}]]]";
    }
}
