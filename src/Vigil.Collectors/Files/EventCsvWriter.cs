using System.Globalization;
using Vigil.Core.Events;

namespace Vigil.Collectors.Files;

/// <summary>Writes events in Vigil's own CSV columns, the format <c>file:PATH</c> reads back.</summary>
public static class EventCsvWriter
{
    public const string Header = "time_created,level,event_id,provider,channel,computer,message,record_id";

    public static async Task WriteAsync(TextWriter writer, IEnumerable<LogEvent> events, CancellationToken cancellationToken)
    {
        await writer.WriteLineAsync(Header.AsMemory(), cancellationToken).ConfigureAwait(false);
        foreach (var e in events)
        {
            var line = string.Join(
                ',',
                e.TimeCreated.ToString("yyyy-MM-ddTHH:mm:ss.fffZ", CultureInfo.InvariantCulture),
                LevelMapping.Name(e.Level),
                e.EventId.ToString(CultureInfo.InvariantCulture),
                Quote(e.Provider),
                Quote(e.Channel),
                Quote(e.Computer),
                Quote(e.Message ?? string.Empty),
                Quote(e.RecordKey));
            await writer.WriteLineAsync(line.AsMemory(), cancellationToken).ConfigureAwait(false);
        }
    }

    private static string Quote(string field) =>
        field.AsSpan().IndexOfAny(",\"\r\n") >= 0 ? "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"" : field;
}
