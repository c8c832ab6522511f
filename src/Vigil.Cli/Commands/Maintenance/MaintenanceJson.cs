using System.Globalization;
using Vigil.Core.Rules;

namespace Vigil.Cli.Commands.Maintenance;

/// <summary>A maintenance window as the CLI prints it (snake_case JSON, or one line).</summary>
internal static class MaintenanceJson
{
    public static object From(MaintenanceWindow w) => new { id = w.Id, from = w.From, to = w.To, reason = w.Reason, host = w.Host };

    public static string Span(MaintenanceWindow w) => string.Create(CultureInfo.InvariantCulture, $"{w.From:yyyy-MM-dd HH:mm} - {w.To:yyyy-MM-dd HH:mm} UTC{(w.Host is null ? string.Empty : " on " + w.Host)}");
}
