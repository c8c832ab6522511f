using Vigil.Pipeline.Configuration;

namespace Vigil.Api;

/// <summary>How <c>vigil serve</c> starts: the validated config plus what the command line overrides.</summary>
public sealed record VigilApiOptions(VigilConfig Config)
{
    /// <summary>Where to listen (one URL or several separated by ';'); null for <c>[api] listen</c>.</summary>
    public string? Listen { get; init; }

    /// <summary>Runs detection every hour in the background (off in tests that drive runs themselves).</summary>
    public bool EnableScheduler { get; init; } = true;

    /// <summary>The clock of runs and of the scheduler; null for the system clock.</summary>
    public TimeProvider? TimeProvider { get; init; }

    /// <summary>The process arguments, passed on to the host; ASP.NET configuration from them is ignored (only config.ini decides).</summary>
    public string[] Args { get; init; } = [];

    /// <summary>More logging setup (a provider that collects what serve logs, in tests); null for none.</summary>
    public Action<ILoggingBuilder>? ConfigureLogging { get; init; }

    /// <summary>How many pushed batches are decoded and stored at once; the next waits up to a few seconds, then gets 429.</summary>
    public int IngestSlots { get; init; } = Math.Max(2, Environment.ProcessorCount);

    /// <summary>How long a pushed batch waits for a slot before it is answered 429.</summary>
    public TimeSpan IngestSlotWait { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>Whether serve runs as root/elevated (for the warning); null to ask the OS. Tests set it.</summary>
    public bool? RunsPrivileged { get; init; }
}
