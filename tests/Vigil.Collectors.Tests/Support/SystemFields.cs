using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;

namespace Vigil.Collectors.Tests.Support;

/// <summary>The System fields the tests compare, read from any parser's XML text with tolerant patterns.</summary>
internal sealed partial record SystemFields(string? RecordId, DateTime? TimeCreated, string? EventId, string? Level, string? Provider, string? Channel, string? Computer)
{
    public static SystemFields Parse(string xml)
    {
        var time = TimeCreatedPattern().Match(xml) is { Success: true } t
            && DateTime.TryParse(t.Groups[1].Value.Replace(' ', 'T'), CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)
                ? parsed
                : (DateTime?)null;
        return new SystemFields(
            Element(xml, "EventRecordID"),
            time,
            Element(xml, "EventID"),
            Element(xml, "Level"),
            ProviderPattern().Match(xml) is { Success: true } p ? WebUtility.HtmlDecode(p.Groups[1].Value) : null,
            Element(xml, "Channel"),
            Element(xml, "Computer"));
    }

    /// <summary>Equal, with times compared to the millisecond (python-evtx rounds through a float).</summary>
    public bool Matches(SystemFields other) =>
        RecordId == other.RecordId && EventId == other.EventId && Level == other.Level && Provider == other.Provider
        && Channel == other.Channel
        && (TimeCreated is null ? other.TimeCreated is null : other.TimeCreated is { } o && Math.Abs((TimeCreated.Value - o).TotalMilliseconds) < 1);

    private static string? Element(string xml, string name)
    {
        var m = Regex.Match(xml, $"<{name}(?:\\s[^>]*)?>([^<]*)</{name}>");
        return m.Success ? WebUtility.HtmlDecode(m.Groups[1].Value.Trim()) : null;
    }

    [GeneratedRegex("<TimeCreated SystemTime=\"([^\"]+)\"")]
    private static partial Regex TimeCreatedPattern();

    [GeneratedRegex("<Provider Name=\"([^\"]*)\"")]
    private static partial Regex ProviderPattern();
}
