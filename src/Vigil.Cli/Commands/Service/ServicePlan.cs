namespace Vigil.Cli.Commands.Service;

/// <summary>
/// What <c>vigil service install</c> registers. The binary path holds the whole command line, quoted, with absolute
/// paths: a service starts in System32, where relative paths would point nowhere.
/// </summary>
internal sealed record ServicePlan(string Name, string BinaryPath)
{
    public const string DisplayName = "Vigil log anomaly monitor";

    /// <param name="processPath">The running executable: vigil.exe, or dotnet.exe when started as <c>dotnet vigil.dll</c>.</param>
    /// <param name="entryAssembly">vigil.dll, used only when <paramref name="processPath"/> is the dotnet host.</param>
    /// <param name="verb">What the service runs: <c>serve</c>, or <c>forward</c> (the agent, with its <c>[forward]</c> settings).</param>
    public static ServicePlan For(string name, string processPath, string entryAssembly, string? config, string workingDir, string verb = "serve")
    {
        var parts = new List<string> { Quote(processPath) };
        if (string.Equals(Path.GetFileNameWithoutExtension(processPath), "dotnet", StringComparison.OrdinalIgnoreCase))
        {
            parts.Add(Quote(entryAssembly));
        }

        parts.Add(verb);
        var root = Path.GetFullPath(workingDir);
        if (config is not null)
        {
            parts.Add("--config");
            parts.Add(Quote(Path.GetFullPath(config, root)));
        }

        parts.Add("--working-dir");
        parts.Add(Quote(root));
        return new ServicePlan(name, string.Join(' ', parts));
    }

    // vigil.dll beside the host, not Assembly.Location: that is empty inside a single-file release build.
    public static ServicePlan ForCurrentProcess(string name, string? config, string workingDir, string verb = "serve") =>
        For(name, Environment.ProcessPath ?? "vigil.exe", Path.Combine(AppContext.BaseDirectory, "vigil.dll"), config, workingDir, verb);

    /// <summary>sc.exe wants each <c>key=</c> and its value as separate words.</summary>
    public IReadOnlyList<string> CreateArguments() =>
        ["create", Name, "binPath=", BinaryPath, "start=", "delayed-auto", "DisplayName=", DisplayName];

    public IReadOnlyList<string> DescriptionArguments() =>
        ["description", Name, BinaryPath.Contains(" forward ", StringComparison.Ordinal)
            ? "Pushes this machine's event logs to a Vigil server (vigil forward)."
            : "Learns what a normal hour of your logs looks like and flags the hours that are not (vigil serve)."];

    private static string Quote(string path) => $"\"{path}\"";
}
