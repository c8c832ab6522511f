using System.Diagnostics.Eventing.Reader;
using System.Runtime.CompilerServices;
using System.Runtime.Versioning;
using Vigil.Core.Events;

namespace Vigil.Collectors.EventLog;

/// <summary>
/// <c>eventlog:CHANNEL</c> or <c>eventlog:CHANNEL|XPATH</c> (Windows only): a live event log channel read with
/// EventLogReader; the checkpoint is the EventBookmark of the last stored record.
/// </summary>
public sealed class WindowsEventLogSource : ILiveLogSource
{
    private readonly string _channel;
    private readonly string? _xpath;

    public WindowsEventLogSource(string name, string channel, string? xpath)
    {
        Name = name;
        _channel = channel;
        _xpath = xpath;
    }

    public string Name { get; }

    public bool IsLive => true;

    public int BatchSize { get; init; } = 2000;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Creates the source for <c>eventlog:CHANNEL[|XPATH]</c>; null for other specs.</summary>
    public static WindowsEventLogSource? Create(string spec)
    {
        if (!spec.StartsWith("eventlog:", StringComparison.Ordinal))
        {
            return null;
        }

        var rest = spec["eventlog:".Length..];
        var bar = rest.IndexOf('|', StringComparison.Ordinal);
        var channel = bar < 0 ? rest : rest[..bar];
        if (channel.Length == 0)
        {
            throw new SourceException($"{spec}: give a channel after 'eventlog:', e.g. eventlog:System.");
        }

        return new WindowsEventLogSource(spec, channel, bar < 0 ? null : rest[(bar + 1)..]);
    }

    public async IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await foreach (var batch in FollowAsync(null, options, cancellationToken).ConfigureAwait(false))
        {
            foreach (var e in batch.Events.Where(e => e.TimeCreated >= options.From && e.TimeCreated < options.To))
            {
                yield return e;
            }

            if (batch.CaughtUp)
            {
                yield break;
            }
        }
    }

    public async IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        if (!OperatingSystem.IsWindows())
        {
            throw new SourceException($"{Name}: Windows event log channels exist only on Windows; on Linux use journald or syslog:/var/log/syslog.");
        }

        var bookmark = string.IsNullOrEmpty(checkpoint) ? null : checkpoint;
        var first = true;
        while (true)
        {
            var caughtUp = false;
            while (!caughtUp)
            {
                var (events, next, done) = ReadBatch(bookmark, options.Warn);
                caughtUp = done;
                if (events.Count > 0 || (first && done))
                {
                    bookmark = next ?? bookmark;
                    yield return new SourceBatch(events, bookmark ?? string.Empty, done);
                }
            }

            first = false;
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    [SupportedOSPlatform("windows")]
    private (List<LogEvent> Events, string? Bookmark, bool CaughtUp) ReadBatch(string? bookmark, Action<string> warn)
    {
        var events = new List<LogEvent>();
        string? last = null;
        try
        {
            var query = new EventLogQuery(_channel, PathType.LogName, _xpath ?? "*");
            using var reader = bookmark is null ? new EventLogReader(query) : new EventLogReader(query, new EventBookmark(bookmark));
            while (events.Count < BatchSize)
            {
                using var record = reader.ReadEvent();
                if (record is null)
                {
                    return (events, last, true);
                }

                try
                {
                    events.Add(EventXmlMapper.Map(record.ToXml(), Describe(record)));
                }
                catch (Exception ex) when (ex is FormatException or System.Xml.XmlException)
                {
                    warn($"{Name}: record skipped, its XML could not be read ({ex.Message}).");
                }

                last = record.Bookmark.BookmarkXml;
            }

            return (events, last, false);
        }
        catch (UnauthorizedAccessException ex)
        {
            throw new SourceException(
                $"{Name}: access denied to the {_channel} log; {(_channel.Equals("Security", StringComparison.OrdinalIgnoreCase) ? "the Security log needs an elevated (Run as administrator) prompt" : "run elevated or join the Event Log Readers group")}.",
                ex);
        }
        catch (EventLogNotFoundException ex)
        {
            throw new SourceException($"{Name}: no event log channel named '{_channel}' (list them with: wevtutil el).", ex);
        }
        catch (EventLogException ex)
        {
            throw new SourceException($"{Name}: cannot read the {_channel} log: {ex.Message}", ex);
        }
    }

    [SupportedOSPlatform("windows")]
    private static string? Describe(EventRecord record)
    {
        try
        {
            return record.FormatDescription();
        }
        catch (EventLogException)
        {
            // The provider's message file is not installed here; the event data stands in for the text.
            return null;
        }
    }
}
