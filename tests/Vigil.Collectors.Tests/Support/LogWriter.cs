using System.Globalization;

namespace Vigil.Collectors.Tests.Support;

/// <summary>Appends numbered application-log lines ("line 17") to a file, like a service writing its log.</summary>
internal sealed class LogWriter
{
    private static readonly DateTime Start = new(2024, 5, 6, 7, 0, 0, DateTimeKind.Utc);

    public int Written { get; private set; }

    public static string Line(int n) =>
        string.Create(CultureInfo.InvariantCulture, $"{Start.AddSeconds(n):yyyy-MM-dd HH:mm:ss},000 {(n % 7 == 0 ? "ERROR" : "INFO")} app.Worker: line {n}\n");

    public void Append(string path, int count)
    {
        using var stream = new FileStream(path, FileMode.Append, FileAccess.Write, FileShare.ReadWrite | FileShare.Delete);
        using var writer = new StreamWriter(stream);
        for (var i = 0; i < count; i++)
        {
            writer.Write(Line(++Written));
        }
    }

    public IEnumerable<string> ExpectedMessages() => Enumerable.Range(1, Written).Select(n => "line " + n.ToString(CultureInfo.InvariantCulture));
}
