using System.CommandLine;
using Vigil.Cli.Commands.Export;

namespace Vigil.Cli.Commands;

/// <summary>Every verb of <c>vigil</c>. One line per verb (or verb group); each verb lives in its own class.</summary>
internal static class CommandCatalog
{
    public static RootCommand Create()
    {
        var root = new RootCommand("Vigil: learns what a normal hour of your logs looks like and tells you when an hour is not normal.");
        root.Subcommands.Add(DemoCommand.Create());
        root.Subcommands.Add(SetupCommand.Create());
        root.Subcommands.Add(DetectCommand.Create());
        root.Subcommands.Add(StatusCommand.Create());
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(new Command("export", "Export stored data for other tools") { ExportHoursCommand.Create() });
        return root;
    }
}
