using System.CommandLine;
using Vigil.Pipeline;

namespace Vigil.Cli.Commands.Shared;

/// <summary>
/// <c>--source</c>, <c>--now</c> and (for verbs that take it) <c>--hours</c>, and the one <see cref="RunRequest"/> they
/// make: verbs compose this instead of declaring the options and rebuilding the request each.
/// </summary>
internal sealed class RunRequestFeature
{
    private readonly Option<string?> _source = CommonOptions.Source();
    private readonly Option<DateTime?> _now = CommonOptions.Now();
    private readonly Option<int?>? _hours;

    /// <param name="hoursDescription">What <c>--hours</c> means for the verb, or null when it takes none.</param>
    public RunRequestFeature(string? hoursDescription = null) =>
        _hours = hoursDescription is null ? null : CommonOptions.Hours(hoursDescription);

    public void AddTo(Command command)
    {
        command.Options.Add(_source);
        command.Options.Add(_now);
        if (_hours is not null)
        {
            command.Options.Add(_hours);
        }
    }

    public RunRequest Read(ParseResult result, bool force = false) =>
        new(result.GetValue(_source), result.GetValue(_now), _hours is null ? null : result.GetValue(_hours), Force: force);
}
