using System.Globalization;
using System.Text;
using System.Text.Json;
using Vigil.Collectors.Text.Parsing;
using Vigil.Core.Events;

namespace Vigil.Collectors.Journald;

/// <summary>
/// One line of <c>journalctl -o json</c> to an event. Values are strings, arrays of byte values (binary or non-UTF-8
/// fields) or arrays of strings (a field given twice). The cursor is the record key: stable for an entry.
/// </summary>
internal static class JournalEntryMapper
{
    public static bool TryMap(string json, out LogEvent? logEvent, out string? cursor)
    {
        logEvent = null;
        cursor = null;
        using var document = JsonDocument.Parse(json);
        var root = document.RootElement;
        cursor = Text(root, "__CURSOR");
        var realtime = Text(root, "__REALTIME_TIMESTAMP");
        if (cursor is null || !long.TryParse(realtime, NumberStyles.None, CultureInfo.InvariantCulture, out var micros))
        {
            return false;
        }

        var level = int.TryParse(Text(root, "PRIORITY"), NumberStyles.None, CultureInfo.InvariantCulture, out var priority)
            ? SyslogSeverity.ToLevel(priority)
            : LevelMapping.Information;
        logEvent = new LogEvent(
            DateTime.UnixEpoch.AddTicks(micros * 10),
            level,
            0,
            Text(root, "SYSLOG_IDENTIFIER") ?? Text(root, "_SYSTEMD_UNIT") ?? Text(root, "_COMM") ?? "journald",
            "journal",
            Text(root, "_HOSTNAME") ?? string.Empty,
            Text(root, "MESSAGE"),
            cursor);
        return true;
    }

    private static string? Text(JsonElement root, string name)
    {
        if (!root.TryGetProperty(name, out var value))
        {
            return null;
        }

        return value.ValueKind switch
        {
            JsonValueKind.String => value.GetString(),
            JsonValueKind.Array when value.GetArrayLength() > 0 && value[0].ValueKind == JsonValueKind.Number => Bytes(value),
            JsonValueKind.Array when value.GetArrayLength() > 0 => Text(value[0]),
            _ => null,
        };
    }

    private static string? Text(JsonElement value) => value.ValueKind == JsonValueKind.String ? value.GetString() : null;

    private static string Bytes(JsonElement array)
    {
        var bytes = new byte[array.GetArrayLength()];
        var i = 0;
        foreach (var b in array.EnumerateArray())
        {
            bytes[i++] = b.TryGetByte(out var v) ? v : (byte)'?';
        }

        return Encoding.UTF8.GetString(bytes);
    }
}
