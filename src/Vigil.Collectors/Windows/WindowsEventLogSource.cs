using System.Diagnostics.Eventing.Reader;
using System.Globalization;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using Vigil.Core.Events;

namespace Vigil.Collectors.Windows;

/// <summary>
/// <c>eventlog:CHANNEL</c> or <c>eventlog:CHANNEL|XPATH</c>: a live Windows channel (System, Application, Security, any
/// other), queried by time range, or followed from an <see cref="EventBookmark"/> kept as the checkpoint.
/// </summary>
internal sealed class WindowsEventLogSource : ILiveLogSource
{
    private readonly string _channel;
    private readonly string? _xpath;

    /// <param name="channel">The channel name, optionally followed by <c>|</c> and an XPath filter for following.</param>
    public WindowsEventLogSource(string name, string channel)
    {
        Name = name;
        var bar = channel.IndexOf('|', StringComparison.Ordinal);
        (_channel, _xpath) = bar < 0 ? (channel, null) : (channel[..bar], channel[(bar + 1)..]);
    }

    public string Name { get; }

    public bool IsLive => true;

    public int BatchSize { get; init; } = 2000;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    public IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw NotWindows();
        }

        return Read(options, cancellationToken);
    }

    public IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw NotWindows();
        }

        return Follow(string.IsNullOrEmpty(checkpoint) ? null : checkpoint, options, cancellationToken);
    }

    [SupportedOSPlatform("windows")]
    private async IAsyncEnumerable<LogEvent> Read(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        using var reader = Open(new EventLogQuery(_channel, PathType.LogName, TimeFilter(options.From, options.To)), null);
        while (reader.ReadEvent() is { } record)
        {
            cancellationToken.ThrowIfCancellationRequested();
            using (record)
            {
                if (TryMap(record, options.Warn) is { } e)
                {
                    yield return e;
                }
            }
        }

        await Task.CompletedTask.ConfigureAwait(false);
    }

    [SupportedOSPlatform("windows")]
    private async IAsyncEnumerable<SourceBatch> Follow(string? bookmark, SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var first = true;
        while (true)
        {
            using (var reader = Open(new EventLogQuery(_channel, PathType.LogName, _xpath ?? "*"), bookmark))
            {
                var events = new List<LogEvent>();
                var done = false;
                while (!done)
                {
                    cancellationToken.ThrowIfCancellationRequested();
                    using var record = reader.ReadEvent();
                    done = record is null;
                    if (record is not null)
                    {
                        if (TryMap(record, options.Warn) is { } e)
                        {
                            events.Add(e);
                        }

                        bookmark = record.Bookmark.BookmarkXml;
                    }

                    if ((done && (events.Count > 0 || first)) || events.Count >= BatchSize)
                    {
                        yield return new SourceBatch(events, bookmark ?? string.Empty, done);
                        events = [];
                    }
                }
            }

            first = false;
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    [SupportedOSPlatform("windows")]
    private EventLogReader Open(EventLogQuery query, string? bookmark)
    {
        try
        {
            return bookmark is null ? new EventLogReader(query) : new EventLogReader(query, new EventBookmark(bookmark));
        }
        catch (UnauthorizedAccessException)
        {
            throw new SourceException($"{Name}: access denied; the {_channel} log needs administrator rights (run Vigil elevated or as a service account in 'Event Log Readers')");
        }
        catch (EventLogNotFoundException)
        {
            throw new SourceException($"{Name}: there is no event log named '{_channel}' on this machine (see 'wevtutil el')");
        }
        catch (EventLogException ex)
        {
            throw new SourceException($"{Name}: cannot query the {_channel} log: {ex.Message}", ex);
        }
    }

    /// <summary>Maps through the record's XML, the same path the tests take with recorded XML.</summary>
    [SupportedOSPlatform("windows")]
    private LogEvent? TryMap(EventRecord record, Action<string> warn)
    {
        string? message;
        try
        {
            message = record.FormatDescription();
        }
        catch (EventLogException)
        {
            // The provider's message file is not installed here; the event data stands in for the text.
            message = null;
        }

        try
        {
            return EventXmlMapper.Map(record.ToXml(), message);
        }
        catch (Exception ex) when (ex is FormatException or System.Xml.XmlException)
        {
            warn($"{Name}: record {record.RecordId} skipped, its XML could not be read ({ex.Message})");
            return null;
        }
    }

    private SourceException NotWindows() =>
        new($"{Name}: Windows event logs can only be read live on Windows; on this machine use evtx:PATH (exported .evtx files), file:PATH, syslog:PATH or journald");

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
