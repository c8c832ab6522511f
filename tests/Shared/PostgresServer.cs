using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Vigil.TestSupport;

/// <summary>
/// A real PostgreSQL server for one test run: <c>initdb</c> and <c>pg_ctl</c> from the Debian package, run as the
/// <c>postgres</c> user when the tests run as root (initdb refuses root), in a temporary folder on a free port of
/// 127.0.0.1 with trust authentication. Shared by the tests of the "postgres" collection; stopped and removed at the end.
/// Missing binaries fail the tests (CI installs postgresql), they are never skipped.
/// </summary>
public sealed class PostgresServer : IDisposable
{
    private readonly string _bin;
    private readonly string _dir;
    private readonly bool _asPostgres;
    private int _databases;

    public PostgresServer()
    {
        _bin = FindBin();
        _asPostgres = Environment.UserName == "root";
        _dir = Directory.CreateTempSubdirectory("vigil-pg-").FullName;
        if (_asPostgres)
        {
            Run("chown", ["-R", "postgres:postgres", _dir], asPostgres: false);
        }

        var data = Path.Combine(_dir, "data");
        Run(Path.Combine(_bin, "initdb"), ["-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8", "--no-sync"], _asPostgres);
        for (var attempt = 0; ; attempt++)
        {
            Port = FreePort();
            var options = $"-p {Port} -k {_dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200";
            try
            {
                Run(Path.Combine(_bin, "pg_ctl"), ["-D", data, "-l", Path.Combine(_dir, "server.log"), "-o", options, "-w", "start"], _asPostgres);
                break;
            }
            catch (InvalidOperationException) when (attempt < 3)
            {
                // Another process took the port between probing and starting: try another one.
            }
        }
    }

    /// <summary>The port the server listens on (127.0.0.1).</summary>
    public int Port { get; private set; }

    /// <summary>The connection string of a new, empty database (one per caller, so tests never see each other's rows).</summary>
    public string CreateDatabase()
    {
        var name = "vigil_test_" + Interlocked.Increment(ref _databases).ToString(CultureInfo.InvariantCulture);
        Run(Path.Combine(_bin, "createdb"), ["-h", "127.0.0.1", "-p", Port.ToString(CultureInfo.InvariantCulture), "-U", "postgres", name], asPostgres: false);
        return ConnectionString(name);
    }

    /// <summary>The connection string of <paramref name="database"/> on this server.</summary>
    public string ConnectionString(string database) =>
        $"Host=127.0.0.1;Port={Port};Username=postgres;Database={database};Pooling=true";

    public void Dispose()
    {
        try
        {
            Run(Path.Combine(_bin, "pg_ctl"), ["-D", Path.Combine(_dir, "data"), "-m", "immediate", "-w", "stop"], _asPostgres);
        }
        finally
        {
            Directory.Delete(_dir, recursive: true);
        }
    }

    private static string FindBin()
    {
        var root = "/usr/lib/postgresql";
        var bin = Directory.Exists(root)
            ? Directory.GetDirectories(root)
                .Select(d => Path.Combine(d, "bin"))
                .Where(d => File.Exists(Path.Combine(d, "initdb")) && File.Exists(Path.Combine(d, "pg_ctl")))
                .OrderByDescending(d => int.TryParse(Path.GetFileName(Path.GetDirectoryName(d)), out var v) ? v : 0)
                .FirstOrDefault()
            : null;
        return bin ?? throw new InvalidOperationException(
            "PostgreSQL server binaries (initdb, pg_ctl) were not found under /usr/lib/postgresql/*/bin; run ./test.sh, which installs the Debian postgresql package, then run the tests again.");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private static void Run(string file, IReadOnlyList<string> arguments, bool asPostgres)
    {
        var start = new ProcessStartInfo(asPostgres ? "runuser" : file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = "/",
        };
        if (asPostgres)
        {
            foreach (var a in new[] { "-u", "postgres", "--", file })
            {
                start.ArgumentList.Add(a);
            }
        }

        foreach (var a in arguments)
        {
            start.ArgumentList.Add(a);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{file} did not start");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Path.GetFileName(file)} {string.Join(' ', arguments)} failed ({process.ExitCode}): {error.Trim()} {output.Result.Trim()}");
        }
    }
}
