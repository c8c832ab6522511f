using System.Globalization;
using Vigil.Core.Events;
using static Vigil.Collectors.Demo.DemoCatalog;

namespace Vigil.Collectors.Demo;

/// <summary>Writes one generated hour of events at random moments of the hour: the generators' shared pen.</summary>
internal sealed class HourWriter
{
    private readonly Random _random;

    public HourWriter(int seed, string computer)
    {
        _random = new Random(seed);
        Computer = computer;
    }

    public string Computer { get; }

    public List<LogEvent> Events { get; } = [];

    /// <summary>Multiplies the mean of every <see cref="Repeat"/> and <see cref="Poisson"/> draw (a volume drift).</summary>
    public double Scale { get; set; } = 1;

    public void Repeat(DateTime hour, Kind kind, double mean, params object[] args)
    {
        for (var i = Poisson(mean); i > 0; i--)
        {
            Add(hour, kind, args);
        }
    }

    public void Add(DateTime hour, Kind kind, params object[] args)
    {
        var time = hour.AddMilliseconds(_random.Next(3_600_000));
        var message = args.Length == 0 ? kind.Message : string.Format(CultureInfo.InvariantCulture, kind.Message, args);
        Events.Add(new LogEvent(time, kind.Level, kind.EventId, kind.Provider, kind.Channel, Computer, message, string.Empty));
    }

    public string Pick(string[] items) => items[_random.Next(items.Length)];

    public int Next(int from, int to) => _random.Next(from, to);

    public int Poisson(double mean)
    {
        mean *= Scale;
        if (mean > 30)
        {
            // Normal approximation; Knuth's product underflows for large means.
            var u = 1.0 - _random.NextDouble();
            var v = _random.NextDouble();
            var normal = Math.Sqrt(-2.0 * Math.Log(u)) * Math.Cos(2.0 * Math.PI * v);
            return Math.Max(0, (int)Math.Round(mean + (Math.Sqrt(mean) * normal)));
        }

        var limit = Math.Exp(-mean);
        var k = 0;
        var p = 1.0;
        do
        {
            k++;
            p *= _random.NextDouble();
        }
        while (p > limit);
        return k - 1;
    }
}
