using System.CommandLine;

namespace Vigil.Cli.Commands.Service;

internal static class ServiceNameOption
{
    public const string Default = "Vigil";

    public static Option<string> Create() => new("--name") { Description = "The service name", DefaultValueFactory = _ => Default };
}
