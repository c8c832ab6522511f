using System.Globalization;
using System.Text.Json;

namespace Vigil.Core.Templates;

/// <summary>
/// What <c>vigil templates</c> prints: mines every line of a text (one message per line), optionally writes one
/// <c>line,template_id</c> row per input line in input order, then lists the templates as text or JSON.
/// </summary>
public sealed class TemplateReport(TemplateMiner miner)
{
    /// <summary>Mines all lines of <paramref name="input"/>; notes (cut lines) go to <paramref name="notes"/>.</summary>
    /// <returns>The number of lines read.</returns>
    public long Mine(TextReader input, TextWriter? assignments, TextWriter notes)
    {
        var reader = new BoundedLineReader(input, miner.Options.MaxMessageLength);
        assignments?.Write("line,template_id\n");
        Span<char> number = stackalloc char[20];
        while (reader.TryReadLine(out var line))
        {
            var match = miner.Add(line, reader.LineNumber);
            if (reader.Truncated)
            {
                notes.WriteLine($"line {reader.LineNumber}: {reader.FullLength} characters, only the first {line.Length} were mined");
            }

            if (assignments is not null)
            {
                reader.LineNumber.TryFormat(number, out var written, provider: CultureInfo.InvariantCulture);
                assignments.Write(number[..written]);
                assignments.Write(',');
                match.TemplateId.TryFormat(number, out written, provider: CultureInfo.InvariantCulture);
                assignments.Write(number[..written]);
                assignments.Write('\n');
            }
        }

        return reader.LineNumber;
    }

    /// <summary>One template per line: id, count, first and last line, template text; most frequent first.</summary>
    public void WriteText(TextWriter output)
    {
        output.WriteLine("id\tcount\tfirst\tlast\ttemplate");
        foreach (var t in Ordered())
        {
            output.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{t.Id}\t{t.Count}\t{t.FirstSeen}\t{t.LastSeen}\t{t.Text}"));
        }
    }

    public void WriteJson(TextWriter output)
    {
        output.WriteLine(JsonSerializer.Serialize(Ordered(), TemplateStateJson.Options));
    }

    private MinedTemplate[] Ordered() =>
        [.. miner.Templates().OrderByDescending(t => t.Count).ThenBy(t => t.Id)];
}
