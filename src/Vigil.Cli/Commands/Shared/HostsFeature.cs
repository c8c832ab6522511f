using System.CommandLine;

namespace Vigil.Cli.Commands.Shared;

/// <summary>
/// <c>--host NAME</c> and <c>--all-hosts</c>: run a verb on the hosts that push their logs (each host scope with its
/// own model) instead of on the local sources. Either one, never both, and never with <c>--source</c>.
/// </summary>
internal sealed class HostsFeature
{
    private readonly Option<string?> _host = new("--host") { Description = "Run on one host that pushes its logs (OTLP, syslog, vigil forward): each of its sources has its own model" };
    private readonly Option<bool> _allHosts = new("--all-hosts") { Description = "Run on every host that pushes its logs; a host with less than a week of logs is still learning" };

    public void AddTo(Command command)
    {
        command.Options.Add(_host);
        command.Options.Add(_allHosts);
        command.Validators.Add(result =>
        {
            var host = result.GetValue(_host) is not null;
            var all = result.GetValue(_allHosts);
            if (host && all)
            {
                result.AddError("--host and --all-hosts exclude each other: pass one host, or all of them");
            }
            else if ((host || all) && result.Children.Any(c => c is System.CommandLine.Parsing.OptionResult { Option.Name: "--source" }))
            {
                result.AddError("--source names local sources; --host and --all-hosts run on the hosts that push their logs: pass one or the other");
            }
        });
    }

    /// <summary>True when the verb runs on pushed hosts.</summary>
    public bool IsSelected(ParseResult result) => result.GetValue(_allHosts) || result.GetValue(_host) is not null;

    /// <summary>The one host asked for, or null for all of them.</summary>
    public string? Host(ParseResult result) => result.GetValue(_host);
}
