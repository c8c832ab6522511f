using Vigil.Core.Events;
using Vigil.Storage;

namespace Vigil.TestSupport;

/// <summary>
/// A fleet as receivers store it (<c>host:NAME/SOURCE</c>): hosts whose normal differs a lot — a few events an hour to
/// hundreds, flat or office-hours or with a nightly batch job, their own event ids and error shares — over 8 days, and
/// optionally one host with an incident (a storm of errors of a kind it never logged) in the last hours. Seeded, so a
/// run is repeatable; every host draws its own shape, nothing is tuned to the detector.
/// </summary>
internal sealed class SimulatedFleet
{
    public static readonly DateTime Start = new(2026, 3, 2, 0, 0, 0, DateTimeKind.Utc);

    private static readonly string[] Roles = ["web", "db", "dc", "app", "batch", "file"];

    private readonly Random _random;
    private long _sequence;

    public SimulatedFleet(int hosts, int days = 8, int seed = 7)
    {
        _random = new Random(seed);
        Days = days;
        Hosts = [.. Enumerable.Range(0, hosts).Select(i => NewHost($"{Roles[i % Roles.Length]}{i + 1:00}"))];
    }

    public int Days { get; }

    public DateTime End => Start.AddDays(Days);

    /// <summary>The end of the first week: what setup trains on.</summary>
    public DateTime WeekEnd => Start.AddDays(7);

    public IReadOnlyList<SimulatedHost> Hosts { get; }

    /// <summary>The host with the incident and its hours, when one was injected.</summary>
    public (string Host, DateTime From, DateTime To)? Incident { get; private set; }

    public void InjectIncident(string host, int lastHours)
    {
        Incident = (host, End.AddHours(-lastHours), End);
    }

    /// <summary>Stores every host's events under <c>host:NAME/SOURCE</c>, as the receivers do.</summary>
    public async Task StoreAsync(IEventStore store, DateTime? from = null)
    {
        foreach (var host in Hosts)
        {
            await StoreHostAsync(store, host, from ?? Start, End).ConfigureAwait(false);
        }
    }

    /// <summary>Stores one host's events from <paramref name="from"/> to <paramref name="to"/> (a host that joined later).</summary>
    public async Task StoreHostAsync(IEventStore store, SimulatedHost host, DateTime from, DateTime to)
    {
        var source = HostSource.Compose(host.Name, host.Source);
        var batch = new List<LogEvent>();
        for (var hour = from; hour < to; hour = hour.AddHours(1))
        {
            AddHour(host, hour, batch);
            if (batch.Count > 5000)
            {
                await store.AddEventsAsync(source, batch, null, CancellationToken.None).ConfigureAwait(false);
                batch.Clear();
            }
        }

        await store.AddEventsAsync(source, batch, null, CancellationToken.None).ConfigureAwait(false);
    }

    private SimulatedHost NewHost(string name)
    {
        var role = name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
        // Log-uniform volume: 3 to 300 events an hour.
        var rate = Math.Exp(Math.Log(3) + (_random.NextDouble() * (Math.Log(300) - Math.Log(3))));
        var ids = Enumerable.Range(0, 6 + _random.Next(10)).Select(_ => 1000 + _random.Next(9000)).Distinct().ToArray();
        var weights = ids.Select(_ => Math.Pow(_random.NextDouble(), 2) + 0.01).ToArray();
        return new SimulatedHost(
            name,
            role is "dc" or "file" ? "eventlog:System" : "syslog",
            rate,
            Diurnal: role is "web" or "app" or "file" ? 0.3 + (_random.NextDouble() * 0.6) : _random.NextDouble() * 0.2,
            NightlyJob: role is "batch" or "db",
            ErrorShare: 0.002 + (_random.NextDouble() * 0.04),
            WarningShare: 0.02 + (_random.NextDouble() * 0.12),
            EventIds: ids,
            Weights: weights);
    }

    private void AddHour(SimulatedHost host, DateTime hour, List<LogEvent> events)
    {
        var daylight = Math.Sin(Math.PI * Math.Clamp((hour.Hour - 6) / 14.0, 0, 1));
        var weekend = hour.DayOfWeek is DayOfWeek.Saturday or DayOfWeek.Sunday ? 0.6 : 1.0;
        var lambda = host.Rate * (1 - host.Diurnal + (2 * host.Diurnal * daylight)) * weekend;
        var job = host.NightlyJob && hour.Hour == 2;
        lambda *= job ? 4 : 1;
        var count = Poisson(lambda);
        for (var n = 0; n < count; n++)
        {
            var roll = _random.NextDouble();
            var level = roll < host.ErrorShare ? 2 : roll < host.ErrorShare + host.WarningShare * (job ? 3 : 1) ? 3 : 4;
            var id = host.EventIds[Pick(host.Weights)];
            Add(events, host, hour.AddSeconds(_random.Next(3600)), level, id, $"event {id} on {host.Name}");
        }

        if (Incident is { } incident && incident.Host == host.Name && hour >= incident.From && hour < incident.To)
        {
            // A disk failing: errors of a kind this host never logged, a few dozen an hour on top of its usual traffic.
            var storm = 30 + _random.Next(30);
            for (var n = 0; n < storm; n++)
            {
                Add(events, host, hour.AddSeconds(_random.Next(3600)), 2, 51, "disk I/O error on \\Device\\Harddisk0");
            }
        }
    }

    private void Add(List<LogEvent> events, SimulatedHost host, DateTime time, int level, int id, string message) =>
        events.Add(new LogEvent(time, level, id, host.Role + "d", host.Source, host.Name, message, $"{host.Name}/{++_sequence}"));

    private int Pick(double[] weights)
    {
        var roll = _random.NextDouble() * weights.Sum();
        for (var i = 0; i < weights.Length; i++)
        {
            roll -= weights[i];
            if (roll <= 0)
            {
                return i;
            }
        }

        return weights.Length - 1;
    }

    private int Poisson(double lambda)
    {
        if (lambda > 50)
        {
            // Normal approximation: Knuth's loop underflows for large means.
            var u = 1 - _random.NextDouble();
            var v = _random.NextDouble();
            return Math.Max(0, (int)Math.Round(lambda + (Math.Sqrt(lambda) * Math.Sqrt(-2 * Math.Log(u)) * Math.Cos(2 * Math.PI * v))));
        }

        var limit = Math.Exp(-lambda);
        var k = 0;
        for (var p = _random.NextDouble(); p > limit; p *= _random.NextDouble())
        {
            k++;
        }

        return k;
    }
}

/// <summary>One simulated host's normal.</summary>
internal sealed record SimulatedHost(string Name, string Source, double Rate, double Diurnal, bool NightlyJob, double ErrorShare, double WarningShare, int[] EventIds, double[] Weights)
{
    public string Role => Name.TrimEnd('0', '1', '2', '3', '4', '5', '6', '7', '8', '9');
}
