using System.Globalization;
using System.Text;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests;

public sealed class TextSourceTemplateTests : IDisposable
{
    private static readonly DateTime Start = new(2026, 2, 9, 0, 0, 0, DateTimeKind.Utc);
    private readonly Workspace _workspace = new(model: "vigil");

    public void Dispose() => _workspace.Dispose();

    [Fact]
    public async Task AnHourOfANeverSeenMessageTemplateAtNormalVolumeIsFlaggedAndTheTemplatesAreSavedWithTheModel()
    {
        // Eight days of an application log with three kinds of lines; in the last day one hour's lines are all a new kind.
        var incident = Start.AddDays(7).AddHours(15);
        var log = new StringBuilder();
        var random = new Random(7);
        for (var hour = Start; hour < Start.AddDays(8); hour = hour.AddHours(1))
        {
            for (var i = 0; i < 20; i++)
            {
                var time = hour.AddSeconds(i * 150).ToString("yyyy-MM-dd HH:mm:ss,fff", CultureInfo.InvariantCulture);
                var n = random.Next(1, 250);
                var line = hour == incident
                    ? $"Failed password for invalid user admin{n} from 203.0.113.{n} port {40000 + n} ssh2"
                    : (i % 3) switch
                    {
                        0 => $"Accepted publickey for deploy from 10.0.0.{n} port {50000 + n} ssh2",
                        1 => $"session opened for user deploy by (uid={n})",
                        _ => $"Received disconnect from 10.0.0.{n} port {50000 + n}:11: disconnected by user",
                    };
                log.Append(CultureInfo.InvariantCulture, $"{time} INFO sshd: {line}\n");
            }
        }

        var path = Path.Combine(_workspace.Dir, "app.log");
        File.WriteAllText(path, log.ToString());
        _workspace.Config = _workspace.Config with { Vigil = _workspace.Config.Vigil with { Source = "text:" + path } };

        var setup = await _workspace.SetupAsync(new RunRequest(Now: Start.AddDays(7)));
        var report = await _workspace.DetectAsync(new RunRequest(Now: Start.AddDays(8), Hours: 24));

        Assert.NotNull(setup.Model.Templates);
        Assert.Equal(3, setup.Model.Templates!.Templates.Count);
        Assert.Equal([incident], report.Anomalies.Select(h => h.Summary.Hour));
        Assert.Contains(report.Anomalies[0].Reasons, r => r.Contains("never seen", StringComparison.Ordinal));
    }
}
