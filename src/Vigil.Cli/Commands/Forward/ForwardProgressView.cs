using System.Globalization;
using System.Text.Json;
using Vigil.Forward;
using Vigil.Pipeline.Contracts;

namespace Vigil.Cli.Commands.Forward;

/// <summary>The forwarder's progress: one line on stderr, or with <c>--json</c> one snake_case JSON object per line on stdout.</summary>
internal static class ForwardProgressView
{
    private static readonly JsonSerializerOptions Compact = ContractJson.Apply(new JsonSerializerOptions());

    public static void Write(ForwardProgress p, bool json)
    {
        if (json)
        {
            Console.Out.WriteLine(JsonSerializer.Serialize(p, Compact));
            return;
        }

        Console.Error.WriteLine(string.Create(
            CultureInfo.InvariantCulture,
            $"forward: read {p.Read}, sent {p.Sent}, acked {p.Acked}, rejected {p.Rejected}, dropped {p.Dropped}; spool {p.SpooledBatches} batches ({p.SpooledBytes / 1024.0:0.#} KB); server {(p.ServerAnswering ? "answering" : "NOT answering")}"));
    }
}
