namespace Vigil.Api.Receivers.Syslog;

/// <summary>
/// Syslog carries no record identity, and two identical lines in the same second are two events (a burst of the same
/// error is exactly what must be counted). So the n-th identical message seen within the last few minutes gets
/// <c>#n</c> appended to its key. Memory is two generations of counts, swapped every <see cref="Generation"/>: a line
/// whose timestamp is older than that cannot be a twin of a new one, since the timestamp is part of the key.
/// </summary>
internal sealed class OccurrenceKeys
{
    public static readonly TimeSpan Generation = TimeSpan.FromMinutes(5);

    // Above this, a flood of distinct lines rotates early so the counts never outgrow a few MB.
    private const int MaxEntries = 200_000;

    private readonly TimeProvider _time;
    private Dictionary<string, int> _current = new(StringComparer.Ordinal);
    private Dictionary<string, int> _previous = new(StringComparer.Ordinal);
    private DateTimeOffset _rotated;

    public OccurrenceKeys(TimeProvider time)
    {
        _time = time;
        _rotated = time.GetUtcNow();
    }

    /// <summary>The key of this occurrence of <paramref name="key"/>: itself the first time, then <c>key#2</c>, <c>key#3</c> …</summary>
    public string Next(string key)
    {
        var now = _time.GetUtcNow();
        if (now - _rotated >= Generation || _current.Count >= MaxEntries)
        {
            (_previous, _current) = (_current, new Dictionary<string, int>(StringComparer.Ordinal));
            _rotated = now;
        }

        var seen = _current.TryGetValue(key, out var count) ? count : _previous.GetValueOrDefault(key);
        _current[key] = ++seen;
        return seen == 1 ? key : $"{key}#{seen}";
    }
}
