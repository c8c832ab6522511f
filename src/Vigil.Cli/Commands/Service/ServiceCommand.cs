using System.CommandLine;

namespace Vigil.Cli.Commands.Service;

/// <summary><c>vigil service install|uninstall</c>: register <c>vigil serve</c> as a Windows service (systemd: deploy/vigil.service).</summary>
internal static class ServiceCommand
{
    public const string NotWindows = "vigil service works on Windows only. On Linux install deploy/vigil.service with systemd; in a container run 'vigil serve' (see docs/service.md).";

    public static Command Create() => new("service", "Install or remove vigil serve as a Windows service")
    {
        ServiceInstallCommand.Create(),
        ServiceUninstallCommand.Create(),
    };
}
