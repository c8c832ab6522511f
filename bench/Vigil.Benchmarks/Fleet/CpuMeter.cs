using System.Diagnostics;
using System.Globalization;
using Npgsql;

namespace Vigil.Benchmarks.Fleet;

/// <summary>
/// CPU seconds spent by this process, the PostgreSQL server (postmaster, its backends and helpers, and the backends
/// that already exited) and any other named process: on a machine shared with other work, wall time is noise but the
/// CPU a road costs per event is not, so the fleet bench prints both. Linux /proc only; elsewhere it reads 0.
/// </summary>
internal sealed class CpuMeter
{
    private const double TicksPerSecond = 100.0; // USER_HZ on Linux
    private readonly int _postmaster;
    private readonly int[] _others;

    private CpuMeter(int postmaster, int[] others)
    {
        _postmaster = postmaster;
        _others = others;
    }

    public static async Task<CpuMeter> ForAsync(string connectionString, params int[] others)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var pid = new NpgsqlCommand("SELECT pg_backend_pid()", connection);
        var backend = (int)(await pid.ExecuteScalarAsync())!;
        return new CpuMeter(Stat(backend) is { } s ? s.Parent : 0, others);
    }

    /// <summary>CPU seconds so far of this process, of the other processes named, and of the PostgreSQL server.</summary>
    public (double Self, double Others, double Server) Read()
    {
        var self = Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds;
        var others = _others.Sum(p => Stat(p) is { } s ? (s.Own + s.Children) / TicksPerSecond : 0);
        if (_postmaster == 0 || Stat(_postmaster) is not { } postmaster)
        {
            return (self, others, 0);
        }

        var server = postmaster.Own + postmaster.Children;
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (int.TryParse(Path.GetFileName(dir), out var pid) && Stat(pid) is { } s && s.Parent == _postmaster)
            {
                server += s.Own;
            }
        }

        return (self, others, server / TicksPerSecond);
    }

    private static (int Parent, long Own, long Children)? Stat(int pid)
    {
        try
        {
            var text = File.ReadAllText($"/proc/{pid}/stat");
            var f = text[(text.LastIndexOf(')') + 2)..].Split(' ');
            long L(int field) => long.Parse(f[field - 3], CultureInfo.InvariantCulture);
            return ((int)L(4), L(14) + L(15), L(16) + L(17));
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }
}
