using System.CommandLine;
using Vigil.Cli.Commands.Alert;
using Vigil.Cli.Commands.Evtx;
using Vigil.Cli.Commands.Export;
using Vigil.Cli.Commands.Templates;
using Vigil.Cli.Commands.Service;

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
        root.Subcommands.Add(WatchCommand.Create());
        root.Subcommands.Add(Forward.ForwardCommand.Create());
        root.Subcommands.Add(TemplatesCommand.Create());
        root.Subcommands.Add(ServeCommand.Create());
        root.Subcommands.Add(ServiceCommand.Create());
        root.Subcommands.Add(new Command("alert", "Test alert channels, list and send queued alerts") { AlertTestCommand.Create(), AlertListCommand.Create(), AlertSendCommand.Create(), AlertRetryCommand.Create() });
        root.Subcommands.Add(new Command("maintenance", "Declare maintenance windows: scored, never alerted") { Maintenance.MaintenanceAddCommand.Create(), Maintenance.MaintenanceListCommand.Create(), Maintenance.MaintenanceRemoveCommand.Create() });
        root.Subcommands.Add(new Command("model", "The kept models: list them, retrain now, roll back") { Model.ModelListCommand.Create(), Model.ModelRetrainCommand.Create(), Model.ModelRollbackCommand.Create() });
        root.Subcommands.Add(new Command("operator", "The operator's state (maintenance, accepted kinds, feedback, incidents) across engines") { OperatorImportCommand.Create() });
        root.Subcommands.Add(Incidents.IncidentsCommand.Create());
        root.Subcommands.Add(AcceptCommand.Create());
        root.Subcommands.Add(FeedbackCommand.Create());
        root.Subcommands.Add(IngestCommand.Create());
        root.Subcommands.Add(new Command("evtx", "Read Windows .evtx files on any OS") { Evtx.DumpCommand.Create(), Evtx.InfoCommand.Create() });
        root.Subcommands.Add(EvaluateCommand.Create());
        root.Subcommands.Add(new Command("export", "Export stored data for other tools") { ExportHoursCommand.Create() });
        return root;
    }
}
