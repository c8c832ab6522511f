using System.Diagnostics;

namespace Vigil.Cli.Tests.Support;

/// <summary>Runs the real <c>vigil</c> binary (built next to the tests) in a working folder, as a user would.</summary>
internal static class VigilProcess
{
    public sealed record Result(int ExitCode, string Out, string Error);

    public static Task<Result> RunAsync(string workingDirectory, params string[] args)
    {
        var start = Start("dotnet", workingDirectory);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start);
    }

    /// <summary>
    /// Runs vigil in its own mount namespace (<c>unshare -rm</c>, no privilege needed) after <paramref name="mounts"/>,
    /// shell commands such as <c>mount -t tmpfs -o size=300k tmpfs data</c>: a full disk or a read-only file that go
    /// away with the process, even for root, whom file modes do not stop.
    /// </summary>
    public static Task<Result> RunWithMountsAsync(string workingDirectory, string mounts, params string[] args)
    {
        var start = Start("unshare", workingDirectory);
        foreach (var arg in (string[])["-rm", "sh", "-c", mounts + " && exec dotnet \"$@\"", "sh", Path.Combine(AppContext.BaseDirectory, "vigil.dll"), .. args])
        {
            start.ArgumentList.Add(arg);
        }

        return RunAsync(start);
    }

    /// <summary>Starts vigil, sends SIGTERM once <paramref name="ready"/> shows on stdout or stderr, and waits for it to end.</summary>
    public static async Task<Result> RunUntilTerminatedAsync(string workingDirectory, string ready, params string[] args)
    {
        var start = Start("dotnet", workingDirectory);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        using var process = Process.Start(start)!;
        var output = new System.Text.StringBuilder();
        var seen = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        void Collect(string? line)
        {
            if (line is null)
            {
                return;
            }

            lock (output)
            {
                output.AppendLine(line);
            }

            if (line.Contains(ready, StringComparison.Ordinal))
            {
                seen.TrySetResult();
            }
        }

        var stdout = Task.Run(async () => { while (await process.StandardOutput.ReadLineAsync() is { } l) { Collect(l); } });
        var stderr = new System.Text.StringBuilder();
        var errors = Task.Run(async () => { while (await process.StandardError.ReadLineAsync() is { } l) { lock (stderr) { stderr.AppendLine(l); } Collect(l); } });
        await seen.Task.WaitAsync(TimeSpan.FromMinutes(2));
        Signal(process.Id);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        await process.WaitForExitAsync(timeout.Token);
        await Task.WhenAll(stdout, errors);
        return new Result(process.ExitCode, output.ToString(), stderr.ToString());
    }

    /// <summary>Starts vigil and hands the process over (to be killed, read or waited for by the test).</summary>
    public static Process Start(string workingDirectory, IReadOnlyDictionary<string, string> environment, params string[] args)
    {
        var start = Start("dotnet", workingDirectory);
        start.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "vigil.dll"));
        foreach (var arg in args)
        {
            start.ArgumentList.Add(arg);
        }

        foreach (var (name, value) in environment)
        {
            start.Environment[name] = value;
        }

        return Process.Start(start)!;
    }

    private static void Signal(int pid)
    {
        using var kill = Process.Start(new ProcessStartInfo("kill", ["-TERM", pid.ToString(System.Globalization.CultureInfo.InvariantCulture)]) { UseShellExecute = false })!;
        kill.WaitForExit();
    }

    private static ProcessStartInfo Start(string program, string workingDirectory) => new(program)
    {
        WorkingDirectory = workingDirectory,
        RedirectStandardOutput = true,
        RedirectStandardError = true,
        UseShellExecute = false,
    };

    private static async Task<Result> RunAsync(ProcessStartInfo start)
    {
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        await process.WaitForExitAsync(timeout.Token);
        return new Result(process.ExitCode, await stdout, await stderr);
    }
}
