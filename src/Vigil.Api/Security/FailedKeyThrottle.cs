using System.Collections.Concurrent;
using System.Net;

namespace Vigil.Api.Security;

/// <summary>
/// Counts wrong API keys per client address in fixed one-minute windows. Past <see cref="MaxFailures"/> in a window
/// the address is answered 429 without its key being checked, so guessing runs at a few keys a minute, not thousands
/// a second. (A correct key from a throttled address waits for the window too: the price of not leaking the answer.)
/// </summary>
internal sealed class FailedKeyThrottle
{
    public const int MaxFailures = 10;

    public static readonly TimeSpan Window = TimeSpan.FromMinutes(1);

    // Beyond this many tracked addresses, expired windows are dropped so a spray of addresses cannot grow memory.
    private const int TrimAbove = 10_000;

    private readonly ConcurrentDictionary<IPAddress, Counter> _counters = new();
    private readonly TimeProvider _time;

    public FailedKeyThrottle(TimeProvider time) => _time = time;

    /// <summary>When the address may try again, or null when it may try now.</summary>
    public TimeSpan? RetryAfter(IPAddress address)
    {
        var now = _time.GetUtcNow();
        if (_counters.TryGetValue(address, out var counter))
        {
            lock (counter)
            {
                if (now - counter.Start < Window && counter.Failures >= MaxFailures)
                {
                    return counter.Start + Window - now;
                }
            }
        }

        return null;
    }

    /// <summary>Records a wrong key; returns how many the address has sent in the current window.</summary>
    public int Fail(IPAddress address)
    {
        var now = _time.GetUtcNow();
        if (_counters.Count > TrimAbove)
        {
            foreach (var (key, old) in _counters)
            {
                if (now - old.Start >= Window)
                {
                    _counters.TryRemove(key, out _);
                }
            }
        }

        var counter = _counters.GetOrAdd(address, _ => new Counter { Start = now });
        lock (counter)
        {
            if (now - counter.Start >= Window)
            {
                counter.Start = now;
                counter.Failures = 0;
            }

            return ++counter.Failures;
        }
    }

    private sealed class Counter
    {
        public DateTimeOffset Start { get; set; }

        public int Failures { get; set; }
    }
}
