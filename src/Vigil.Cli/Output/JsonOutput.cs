using System.Text.Json;

namespace Vigil.Cli.Output;

/// <summary>Writes <c>--json</c> output: indented, to stdout, nothing else on stdout.</summary>
internal static class JsonOutput
{
    private static readonly JsonSerializerOptions Options = new() { WriteIndented = true };

    public static void Write<T>(T value) => Console.Out.WriteLine(JsonSerializer.Serialize(value, Options));
}
