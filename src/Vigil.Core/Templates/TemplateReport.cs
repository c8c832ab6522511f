using System.Globalization;

namespace Vigil.Core.Templates;

/// <summary>
/// The work behind <c>vigil templates</c>: mines every line of a text (one message per line), optionally writing one
/// <c>line,template_id</c> row per input line in input order, and lists the templates found.
/// </summary>
public sealed class TemplateReport(TemplateMiner miner)
{
    /// <summary>Mines all lines of <paramref name="input"/>; each line that had to be cut is told to <paramref name="note"/>.</summary>
    /// <param name="messageStart">Strips each line's header (time, level, pid, component) so only the message is mined.</param>
    /// <returns>The number of lines read.</returns>
    public long Mine(TextReader input, TextWriter? assignments, Action<string>? note = null, CancellationToken cancellationToken = default, MessageStart? messageStart = null)
    {
        var reader = new BoundedLineReader(input, miner.Options.MaxMessageLength);
        assignments?.Write("line,template_id\n");
        Span<char> number = stackalloc char[20];
        while (reader.TryReadLine(out var line))
        {
            if ((reader.LineNumber & 0xFFFF) == 0)
            {
                cancellationToken.ThrowIfCancellationRequested();
            }

            var match = miner.Add(messageStart is null ? line : line[messageStart(line)..], reader.LineNumber);
            if (match.TemplateId == TemplateMiner.OtherTemplateId && miner.OtherCount == 1)
            {
                note?.Invoke($"line {reader.LineNumber}: {miner.TemplateCount} templates, the cap: lines that fit none are counted as \"other\" from here on");
            }

            if (reader.Truncated && note is not null)
            {
                note($"line {reader.LineNumber}: {reader.FullLength} characters, only the first {line.Length} were mined");
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

    /// <summary>The templates mined so far, most frequent first, ties by id.</summary>
    public IReadOnlyList<MinedTemplate> MostFrequentFirst() =>
        [.. miner.Templates().OrderByDescending(t => t.Count).ThenBy(t => t.Id)];
}
