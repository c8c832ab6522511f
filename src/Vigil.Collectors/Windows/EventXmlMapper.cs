using System.Globalization;
using System.Xml.Linq;
using Vigil.Core.Events;

namespace Vigil.Collectors.Windows;

/// <summary>
/// Windows event XML (<c>EventRecord.ToXml()</c>, evtxexport, forwarded events) to an event. The message is the
/// rendered text when there is one, else the event data as <c>name=value</c> pairs, so nothing is invented.
/// </summary>
internal static class EventXmlMapper
{
    private static readonly XNamespace Ns = "http://schemas.microsoft.com/win/2004/08/events/event";

    /// <param name="renderedMessage">The provider's rendered message (EventRecord.FormatDescription()), when available.</param>
    public static LogEvent Map(string xml, string? renderedMessage)
    {
        var root = XElement.Parse(xml);
        var system = root.Element(Ns + "System") ?? throw new FormatException("event XML has no System element");
        string? Value(string name) => system.Element(Ns + name)?.Value;

        var time = system.Element(Ns + "TimeCreated")?.Attribute("SystemTime")?.Value
            ?? throw new FormatException("event XML has no TimeCreated/@SystemTime");
        var recordId = Value("EventRecordID") ?? throw new FormatException("event XML has no EventRecordID");
        var channel = Value("Channel") ?? string.Empty;
        var computer = Value("Computer") ?? string.Empty;
        var message = renderedMessage ?? root.Element(Ns + "RenderingInfo")?.Element(Ns + "Message")?.Value ?? DataText(root);
        var timeCreated = DateTime.Parse(time, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal);
        return new LogEvent(
            timeCreated,
            int.TryParse(Value("Level"), NumberStyles.None, CultureInfo.InvariantCulture, out var level) ? level : LevelMapping.Information,
            long.TryParse(Value("EventID"), NumberStyles.None, CultureInfo.InvariantCulture, out var id) ? id : 0,
            system.Element(Ns + "Provider")?.Attribute("Name")?.Value ?? string.Empty,
            channel,
            computer,
            message,
            WindowsRecordKey.Create(computer, channel, recordId, timeCreated));
    }

    private static string? DataText(XElement root)
    {
        var data = root.Element(Ns + "EventData") ?? root.Element(Ns + "UserData")?.Elements().FirstOrDefault();
        if (data is null)
        {
            return null;
        }

        var parts = data.Elements()
            .Where(e => e.Name.LocalName != "Binary" && e.Value.Length > 0)
            .Select(e => e.Attribute("Name")?.Value is { } name ? $"{name}={e.Value}" : e.Value)
            .ToList();
        return parts.Count == 0 ? null : string.Join("; ", parts);
    }
}
