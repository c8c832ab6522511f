using System.Globalization;
using System.Runtime.CompilerServices;
using Vigil.Core.Events;

namespace Vigil.Collectors.Journald;

/// <summary>
/// <c>journald</c> (this machine's journal) or <c>journald:DIR</c> (a journal folder), read with journalctl's JSON output;
/// the checkpoint is the cursor of the last stored entry.
/// </summary>
public sealed class JournaldSource : ILiveLogSource
{
    private readonly string? _directory;
    private readonly Journalctl _journalctl;

    public JournaldSource(string name, string? directory, string journalctl = "journalctl")
    {
        Name = name;
        _directory = directory;
        _journalctl = new Journalctl(name, journalctl);
    }

    public string Name { get; }

    public bool IsLive => true;

    public int BatchSize { get; init; } = 5000;

    public TimeSpan PollInterval { get; init; } = TimeSpan.FromSeconds(1);

    /// <summary>Creates the source for <c>journald</c> or <c>journald:DIR</c>; null for other specs.</summary>
    public static JournaldSource? Create(string spec)
    {
        if (spec == "journald")
        {
            return new JournaldSource(spec, null);
        }

        return spec.StartsWith("journald:", StringComparison.Ordinal) ? new JournaldSource(spec, spec["journald:".Length..]) : null;
    }

    public async IAsyncEnumerable<LogEvent> ReadAsync(SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var arguments = Arguments();
        if (options.From > DateTime.MinValue)
        {
            arguments.Add("--since=" + Utc(options.From));
        }

        if (options.To < DateTime.MaxValue)
        {
            // --until is whole seconds and inclusive; the exact bound is applied below.
            arguments.Add("--until=" + Utc(options.To.AddSeconds(1)));
        }

        var skipped = 0;
        await foreach (var line in _journalctl.LinesAsync(arguments, cancellationToken).ConfigureAwait(false))
        {
            if (!JournalEntryMapper.TryMap(line, out var e, out _))
            {
                skipped++;
            }
            else if (e!.TimeCreated >= options.From && e.TimeCreated < options.To)
            {
                yield return e;
            }
        }

        Report(skipped, options.Warn);
    }

    public async IAsyncEnumerable<SourceBatch> FollowAsync(string? checkpoint, SourceReadOptions options, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        var cursor = string.IsNullOrEmpty(checkpoint) ? null : checkpoint;
        var first = true;
        while (true)
        {
            var arguments = Arguments();
            if (cursor is not null)
            {
                arguments.Add("--after-cursor=" + cursor);
            }

            var events = new List<LogEvent>();
            var skipped = 0;
            await foreach (var line in _journalctl.LinesAsync(arguments, cancellationToken).ConfigureAwait(false))
            {
                if (!JournalEntryMapper.TryMap(line, out var e, out var entryCursor))
                {
                    // An entry without time is still passed over for good: the cursor moves past it.
                    skipped++;
                    cursor = entryCursor ?? cursor;
                    continue;
                }

                events.Add(e!);
                cursor = entryCursor;
                if (events.Count >= BatchSize)
                {
                    yield return new SourceBatch(events, cursor!, false);
                    events = [];
                }
            }

            Report(skipped, options.Warn);
            if (events.Count > 0 || first)
            {
                yield return new SourceBatch(events, cursor ?? string.Empty, true);
            }

            first = false;
            await Task.Delay(PollInterval, cancellationToken).ConfigureAwait(false);
        }
    }

    private List<string> Arguments()
    {
        var arguments = new List<string> { "-o", "json", "--no-pager" };
        if (_directory is not null)
        {
            arguments.Add("--directory=" + _directory);
        }

        return arguments;
    }

    private void Report(int skipped, Action<string> warn)
    {
        if (skipped > 0)
        {
            warn($"{Name}: {skipped} entries skipped (no __CURSOR or __REALTIME_TIMESTAMP)");
        }
    }

    private static string Utc(DateTime time) => time.ToString("yyyy-MM-dd HH:mm:ss", CultureInfo.InvariantCulture) + " UTC";
}
