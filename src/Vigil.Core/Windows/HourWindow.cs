using Vigil.Core.Events;

namespace Vigil.Core.Windows;

/// <summary>
/// One UTC hour with what the richer features need: the seed's counts, counts per event kind and per channel,
/// audit failures and one sample message per kind.
/// </summary>
public sealed class HourWindow
{
    private readonly Dictionary<EventKey, KeyTally> _keys = [];
    private readonly Dictionary<string, int> _channels = new(StringComparer.Ordinal);
    private readonly HashSet<string> _providers = new(StringComparer.Ordinal);

    public HourWindow(DateTime hour) => Hour = hour;

    public DateTime Hour { get; }

    public int Total { get; private set; }

    public int Errors { get; private set; }

    public int Warnings { get; private set; }

    public int AuditFailures { get; private set; }

    public int Infos => Total - Errors - Warnings;

    public IReadOnlyDictionary<EventKey, KeyTally> Keys => _keys;

    public IReadOnlyDictionary<string, int> Channels => _channels;

    public int DistinctProviders => _providers.Count;

    public HourlySummary Summary => new(Hour, Total, Errors, Warnings, Infos);

    public void Add(LogEvent e)
    {
        Total++;
        var severity = e.Severity;
        if (severity == Severity.Error)
        {
            Errors++;
        }
        else if (severity == Severity.Warning)
        {
            Warnings++;
        }

        if (AuditFailure.Is(e))
        {
            AuditFailures++;
        }

        var key = new EventKey(e.Provider, e.EventId);
        if (!_keys.TryGetValue(key, out var tally))
        {
            tally = new KeyTally { Sample = e.Message };
            _keys.Add(key, tally);
        }

        tally.Count++;
        if (severity > tally.Worst)
        {
            tally.Worst = severity;
        }

        _channels[e.Channel] = _channels.GetValueOrDefault(e.Channel) + 1;
        _providers.Add(e.Provider);
    }
}
