using Vigil.Collectors;
using Vigil.Forward;
using Vigil.Forward.Sending;

namespace Vigil.Forward.Tests.Support;

/// <summary>Runs a <see cref="Forwarder"/> over a state folder with short backoffs, and collects what it logs.</summary>
internal sealed class ForwardRun
{
    private readonly List<string> _log = [];

    public ForwardRun(string stateDir, IBatchSender sender, params ILogSource[] sources)
    {
        StateDir = stateDir;
        Sender = sender;
        Sources = sources;
    }

    public string StateDir { get; }

    public IBatchSender Sender { get; }

    public IReadOnlyList<ILogSource> Sources { get; }

    public int BatchSize { get; init; } = 100;

    public long SpoolBytes { get; init; } = 64L * 1024 * 1024;

    public IReadOnlyList<string> Log
    {
        get
        {
            lock (_log)
            {
                return [.. _log];
            }
        }
    }

    public Forwarder Open(bool once) => Forwarder.Open(
        Sources,
        Sender,
        new ForwardOptions
        {
            StateDir = StateDir,
            BatchSize = BatchSize,
            SpoolBytes = SpoolBytes,
            Once = once,
            MinBackoff = TimeSpan.FromMilliseconds(5),
            MaxBackoff = TimeSpan.FromMilliseconds(20),
        },
        line =>
        {
            lock (_log)
            {
                _log.Add(line);
            }
        });

    /// <summary>Runs once (until caught up and acknowledged) and returns the progress.</summary>
    public async Task<ForwardProgress> OnceAsync()
    {
        var forwarder = Open(once: true);
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        await forwarder.RunAsync(timeout.Token);
        Assert.False(timeout.IsCancellationRequested, "the one-shot forward did not finish");
        return forwarder.Progress;
    }

    /// <summary>Runs until <paramref name="done"/> holds for the progress, then stops it as Ctrl+C would.</summary>
    public async Task<ForwardProgress> UntilAsync(Func<ForwardProgress, bool> done)
    {
        var forwarder = Open(once: false);
        using var stop = new CancellationTokenSource();
        var run = forwarder.RunAsync(stop.Token);
        var deadline = DateTime.UtcNow.AddMinutes(2);
        while (!done(forwarder.Progress) && !run.IsCompleted && DateTime.UtcNow < deadline)
        {
            await Task.Delay(20);
        }

        await stop.CancelAsync();
        await run;
        Assert.True(done(forwarder.Progress), $"the forwarder never got there: {forwarder.Progress}");
        return forwarder.Progress;
    }
}
