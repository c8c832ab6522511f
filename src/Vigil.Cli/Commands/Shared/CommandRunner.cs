using Spectre.Console;
using Vigil.Core;

namespace Vigil.Cli.Commands.Shared;

/// <summary>Runs a verb's body and turns the errors an operator can fix into one line on stderr and exit code 2.</summary>
internal static class CommandRunner
{
    public const int Ok = 0;
    public const int Anomalies = 1;
    public const int Failed = 2;

    public static async Task<int> RunAsync(Func<Task<int>> body)
    {
        try
        {
            return await body().ConfigureAwait(false);
        }
        catch (OperatorException ex)
        {
            Console.Error.WriteLine(ex.Message);
            return Failed;
        }
        catch (OperationCanceledException)
        {
            Console.Error.WriteLine("Cancelled.");
            return Failed;
        }
        catch (IOException ex)
        {
            Console.Error.WriteLine($"I/O error: {ex.Message}");
            return Failed;
        }
        catch (UnauthorizedAccessException ex)
        {
            Console.Error.WriteLine($"Access denied: {ex.Message}");
            return Failed;
        }
    }

    /// <summary>Warnings go to stderr so <c>--json</c> output stays parseable.</summary>
    public static void Warn(string message) =>
        Console.Error.WriteLine($"warning: {message}");

    public static IAnsiConsole ErrorConsole { get; } = AnsiConsole.Create(new AnsiConsoleSettings { Out = new AnsiConsoleOutput(Console.Error) });
}
