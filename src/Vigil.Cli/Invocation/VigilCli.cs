using System.CommandLine;
using Vigil.Cli.Commands;
using Vigil.Cli.Commands.Shared;
using Vigil.Pipeline.Errors;

namespace Vigil.Cli.Invocation;

/// <summary>
/// Parses and runs one <c>vigil</c> command line and owns its exit code: 0 ok, 1 anomalies found, 2 anything the
/// operator can fix (usage errors included, one line on stderr), 3 an internal error (one line on stderr, the full
/// exception in <see cref="CrashLog"/>). No exception and no stack trace ever reaches the user.
/// </summary>
internal static class VigilCli
{
    public static Task<int> RunAsync(string[] args) => RunAsync(CommandCatalog.Create(), args, Console.Error);

    public static async Task<int> RunAsync(RootCommand root, string[] args, TextWriter stderr)
    {
        using var stop = new StopSignals();
        ParseResult? parsed = null;
        try
        {
            parsed = root.Parse(args);
            if (parsed.Errors.Count > 0)
            {
                await stderr.WriteLineAsync(UsageErrors.Describe(parsed)).ConfigureAwait(false);
                return CommandRunner.Failed;
            }

            // Signals are StopSignals' (System.CommandLine's own handler would answer 143 when a stop outlasts its timeout).
            var invocation = new InvocationConfiguration { EnableDefaultExceptionHandler = false, ProcessTerminationTimeout = null };
            return await parsed.InvokeAsync(invocation, stop.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (OperatorFailures.Find(ex) is { } failure)
        {
            await stderr.WriteLineAsync(failure.Message).ConfigureAwait(false);
            return CommandRunner.Failed;
        }
        catch (Exception ex)
        {
            var log = CrashLog.Write(ex, parsed, args);
            var where = log is null ? "no error log could be written" : $"the full report is in {log}";
            await stderr.WriteLineAsync($"vigil: internal error ({ex.GetType().Name}: {ex.Message.ReplaceLineEndings(" ")}); {where}. Please report it with the command you ran.").ConfigureAwait(false);
            return CommandRunner.Internal;
        }
    }
}
