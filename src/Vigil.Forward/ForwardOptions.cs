namespace Vigil.Forward;

/// <summary>How the forwarder runs; from <c>[forward]</c> and the command line.</summary>
public sealed record ForwardOptions
{
    /// <summary>The folder of the spool and the acknowledged checkpoints (<c>{data_dir}/forward</c>).</summary>
    public required string StateDir { get; init; }

    /// <summary>The most events in one batch.</summary>
    public int BatchSize { get; init; } = 1000;

    /// <summary>The spool's bound; past it the oldest batch is dropped while the server is not answering.</summary>
    public long SpoolBytes { get; init; } = 256L * 1024 * 1024;

    /// <summary>Stop once every source is caught up and everything read was acknowledged (a one-shot push).</summary>
    public bool Once { get; init; }

    /// <summary>First wait after a failed send; grows exponentially, with jitter, up to <see cref="MaxBackoff"/>.</summary>
    public TimeSpan MinBackoff { get; init; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxBackoff { get; init; } = TimeSpan.FromMinutes(1);

    public string SpoolDir => Path.Combine(StateDir, "spool");

    public string CheckpointPath => Path.Combine(StateDir, "checkpoints.json");
}
