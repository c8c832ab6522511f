using System.CommandLine;
using System.CommandLine.Parsing;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Invocation;

/// <summary>
/// A command line System.CommandLine could not accept, told in one line for stderr: the first real error, the name
/// that was probably meant, and where help is. No help dump: a script's log should show what went wrong, not a manual.
/// </summary>
internal static class UsageErrors
{
    public static string Describe(ParseResult result)
    {
        var command = result.CommandResult.Command;
        var path = CommandPath(result.CommandResult);
        var help = $"see '{path} --help'";
        if (result.UnmatchedTokens.Count > 0)
        {
            var token = result.UnmatchedTokens[0];
            var names = command.Subcommands.Select(c => c.Name).Concat(command.Options.Where(o => !o.Hidden).Select(o => o.Name));
            var hint = ClosestName.Find(token, names) is { } near ? $" (did you mean '{near}'?)" : string.Empty;
            return $"{path}: unknown command or argument '{token}'{hint}; {help}.";
        }

        // "Required command was not provided" comes with every other error of a command group; the other one says more.
        var errors = result.Errors.Select(e => e.Message.TrimEnd('.')).ToList();
        var others = errors.Where(e => !e.StartsWith("Required command", StringComparison.Ordinal)).ToList();
        if (others.Count == 0 && command.Subcommands.Count > 0)
        {
            return $"{path}: a command is required ({string.Join(", ", command.Subcommands.Select(c => c.Name))}); {help}.";
        }

        return $"{path}: {(others.Count > 0 ? others[0] : errors[0])}; {help}.";
    }

    private static string CommandPath(CommandResult result)
    {
        var names = new List<string>();
        for (SymbolResult? r = result; r is not null; r = r.Parent)
        {
            if (r is CommandResult c)
            {
                names.Add(c.Parent is null ? "vigil" : c.Command.Name);
            }
        }

        names.Reverse();
        return string.Join(' ', names);
    }
}
