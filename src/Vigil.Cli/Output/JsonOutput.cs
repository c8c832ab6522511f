using System.Text.Json;
using Vigil.Pipeline.Contracts;

namespace Vigil.Cli.Output;

/// <summary>Writes <c>--json</c> output: indented, snake_case like the API (<see cref="ContractJson"/>), to stdout, nothing else on stdout.</summary>
internal static class JsonOutput
{
    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, ContractJson.Options));
}
