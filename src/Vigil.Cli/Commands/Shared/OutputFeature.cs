using System.CommandLine;
using Vigil.Cli.Output;

namespace Vigil.Cli.Commands.Shared;

/// <summary>
/// <c>--json</c> and the one place that decides between it and the human view: a verb hands over its data and how to
/// show it as text, and never branches on the option itself.
/// </summary>
internal sealed class OutputFeature
{
    private readonly Option<bool> _json = CommonOptions.Json();

    public void AddTo(Command command) => command.Options.Add(_json);

    public bool IsJson(ParseResult result) => result.GetValue(_json);

    /// <summary>Prints <paramref name="data"/> as snake_case JSON under <c>--json</c>, else runs <paramref name="text"/>.</summary>
    public void Write<T>(ParseResult result, T data, Action text)
    {
        if (IsJson(result))
        {
            JsonOutput.Write(data);
        }
        else
        {
            text();
        }
    }
}
