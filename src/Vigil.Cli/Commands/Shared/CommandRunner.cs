using Spectre.Console;
using Vigil.Pipeline.Errors;

namespace Vigil.Cli.Commands.Shared;

/// <summary>
/// Runs a verb's body and turns the errors an operator can fix into one line on stderr and exit code 2. Anything else
/// is left to <see cref="Invocation.VigilCli"/>, which logs it in full and exits 3.
/// </summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Anomalies = 1;
    public const int Failed = 2;
    public const int Internal = 3;

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return Failed;
        }
        catch (Exception ex) when (OperatorFailures.Find(ex) is { } failure)
        {
            Console.Error.WriteLine(failure.Message);
            return Failed;
        }
    }

    /// <summary>
    /// For verbs that run until stopped (<c>watch</c>, <c>serve</c>): Ctrl+C or SIGTERM is how they are meant to end,
    /// so a stop through <paramref name="stopping"/> is exit 0, not an error.
    /// </summary>
    public static Task<int> RunUntilStoppedAsync(CancellationToken stopping, Func<Task<int>> body) => RunAsync(async () =>
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (stopping.IsCancellationRequested)
        {
            return Ok;
        }
    });

    /// <summary>Warnings go to stderr so <c>--json</c> output stays parseable.</summary>
    public static void Warn(string message) =>
        Console.Error.WriteLine($"warning: {message}");

    public static IAnsiConsole ErrorConsole { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
