using System.CommandLine;
using System.Globalization;
using Vigil.Core.Windows;

namespace Vigil.Cli.Commands.Shared;

/// <summary>Options several verbs share, created once per verb.</summary>
internal static class CommonOptions
{
    public static Option<string?> Config() => new("--config") { Description = "The config file (default: config/config.ini, else built-in defaults)" };

    public static Option<string?> Source() => new("--source") { Description = "Source spec(s), comma-separated: file:PATH, evtx:PATH, eventlog:CHANNEL, journald, syslog:PATH, text:PATH, demo (overrides [vigil] source)" };

    public static Option<bool> Json() => new("--json") { Description = "Print JSON instead of a table" };

    public static Option<DateTime?> Now() => new("--now")
    {
        Description = "The end of the range, ISO 8601 (default: the current hour, or the end of the newest stored event's hour when that is over a week old)",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (DateTimeOffset.TryParse(text, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var value))
            {
                return value.UtcDateTime;
            }

            result.AddError($"--now '{text}' is not an ISO 8601 date and time (e.g. 2026-02-17T00:00:00Z)");
            return null;
        },
    };

    public static Option<int?> Hours(string description) => new("--hours")
    {
        Description = $"{description}, 1 to {HourRange.MaxHours}",
        CustomParser = result =>
        {
            var text = result.Tokens.Single().Value;
            if (int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out var hours) && hours is >= 1 and <= HourRange.MaxHours)
            {
                return hours;
            }

            result.AddError($"--hours '{text}' is not a whole number of hours from 1 to {HourRange.MaxHours}");
            return null;
        },
    };
}
