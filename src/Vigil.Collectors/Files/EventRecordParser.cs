using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using Vigil.Core.Events;

namespace Vigil.Collectors.Files;

/// <summary>
/// Turns one record's fields (from a CSV row or a JSON object) into a <see cref="LogEvent"/>, or says why it cannot.
/// Records without a record id get a key from their content plus the number of identical records before them,
/// so re-reading the same file never double-counts and true repeats are still counted.
/// </summary>
internal sealed class EventRecordParser
{
    private static readonly string[] LocalFormats =
    [
        "yyyy-MM-dd HH:mm:ss", "yyyy-MM-dd HH:mm:ss.FFFFFFF", "yyyy-MM-ddTHH:mm:ss.FFFFFFF",
        "M/d/yyyy h:mm:ss tt", "M/d/yyyy H:mm:ss", "d/M/yyyy H:mm:ss", "dd.MM.yyyy HH:mm:ss",
    ];

    private readonly string _channelFallback;
    private readonly Dictionary<string, int> _seen = new(StringComparer.Ordinal);

    public EventRecordParser(string channelFallback) => _channelFallback = channelFallback;

    public bool TryParse(Func<EventField, string?> field, out LogEvent? logEvent, out string? error)
    {
        logEvent = null;
        var timeText = field(EventField.Time);
        if (string.IsNullOrWhiteSpace(timeText))
        {
            error = "no time_created value";
            return false;
        }

        if (!TryParseTime(timeText, out var time))
        {
            error = $"time_created '{Clip(timeText)}' is not a date and time";
            return false;
        }

        if (!TryParseLevel(field(EventField.Level), field(EventField.LevelName), out var level, out error))
        {
            return false;
        }

        var idText = field(EventField.EventId);
        long eventId = 0;
        if (!string.IsNullOrWhiteSpace(idText) && !long.TryParse(idText.Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out eventId))
        {
            error = $"event_id '{Clip(idText)}' is not a number";
            return false;
        }

        var provider = field(EventField.Provider)?.Trim() ?? string.Empty;
        var channel = NonEmpty(field(EventField.Channel)) ?? _channelFallback;
        var computer = field(EventField.Computer)?.Trim() ?? string.Empty;
        var message = field(EventField.Message);
        var recordId = NonEmpty(field(EventField.RecordId));
        var key = recordId is not null
            ? $"{computer}/{channel}/{recordId}"
            : ContentKey(time, level, eventId, provider, channel, computer, message);
        logEvent = new LogEvent(time, level, eventId, provider, channel, computer, message, key);
        return true;
    }

    internal static bool TryParseTime(string text, out DateTime utc)
    {
        var t = text.Trim();
        // ConvertTo-Json in Windows PowerShell 5.1 writes dates as /Date(milliseconds)/.
        if (t.StartsWith("/Date(", StringComparison.Ordinal) || t.StartsWith("\\/Date(", StringComparison.Ordinal))
        {
            var digits = new string(t.SkipWhile(c => c != '(').Skip(1).TakeWhile(c => char.IsDigit(c) || c == '-').ToArray());
            if (long.TryParse(digits, CultureInfo.InvariantCulture, out var ms))
            {
                utc = DateTime.UnixEpoch.AddMilliseconds(ms);
                return true;
            }
        }

        if (DateTimeOffset.TryParse(t, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal | DateTimeStyles.AllowWhiteSpaces, out var parsed)
            || DateTimeOffset.TryParseExact(t, LocalFormats, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out parsed))
        {
            utc = parsed.UtcDateTime;
            return true;
        }

        utc = default;
        return false;
    }

    private static bool TryParseLevel(string? number, string? name, out int level, out string? error)
    {
        error = null;
        level = LevelMapping.Information;
        var text = NonEmpty(number) ?? NonEmpty(name);
        if (text is null)
        {
            error = "no level value";
            return false;
        }

        if (LevelMapping.TryParse(text, out var parsed) || (NonEmpty(name) is { } n && LevelMapping.TryParse(n, out parsed)))
        {
            level = parsed.Value;
            return true;
        }

        error = $"level '{Clip(text)}' is not a level name (Critical, Error, Warning, Information, Verbose) or number 0-5";
        return false;
    }

    private string ContentKey(DateTime time, int level, long eventId, string provider, string channel, string computer, string? message)
    {
        var text = string.Join('\u001f', time.Ticks, level, eventId, provider, channel, computer, message);
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text)).AsSpan(0, 12));
        var occurrence = _seen.TryGetValue(hash, out var n) ? n + 1 : 0;
        _seen[hash] = occurrence;
        return occurrence == 0 ? hash : $"{hash}#{occurrence}";
    }

    private static string? NonEmpty(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static string Clip(string text) => text.Length <= 40 ? text : text[..40] + "…";
}
