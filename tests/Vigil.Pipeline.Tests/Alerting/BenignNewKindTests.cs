using Vigil.Alerts.Tests.Support;
using Vigil.Collectors.Demo;
using Vigil.Pipeline.Alerting;
using Vigil.Pipeline.Configuration;
using Vigil.Pipeline.Tests.Support;

namespace Vigil.Pipeline.Tests.Alerting;

/// <summary>
/// A new harmless agent starts logging a kind never seen in training, every hour, through the scheduler's hourly runs
/// and a real SMTP server: it pages once (and once more when it resolves), not every hour, and the next retrain learns it.
/// </summary>
public sealed class BenignNewKindTests : IDisposable
{
    private static readonly DateTime Day = DemoScenario.TrainingEnd;
    private readonly Workspace _workspace = new(model: "vigil");
    private readonly SmtpTestServer _smtp = SmtpTestServer.Start("plain");

    public BenignNewKindTests()
    {
        var config = _workspace.Config;
        _workspace.Config = config with
        {
            Alerts = config.Alerts with { EnableEmail = true },
            Email = new EmailSettings("127.0.0.1", _smtp.Port, "vigil@example.test", null, "ops@example.test", "none"),
        };
    }

    public void Dispose()
    {
        _smtp.Dispose();
        _workspace.Dispose();
    }

    private static IEnumerable<string> AgentEvents(DateTime hour, int id) => Enumerable.Range(0, 6).Select(i =>
        $"{hour.AddMinutes(5 + i):yyyy-MM-ddTHH:mm:ssZ},Information,4000,Contoso-Agent,Application,WIN-SRV01.corp.example,Inventory pass {i} done.,{id}{i}");

    private Task<DetectReport> ScoreHourAsync(int hour) => _workspace.DetectAsync(new RunRequest(Now: Day.AddHours(hour + 1), Hours: 1));

    [Fact]
    public async Task EightHoursOfABenignNewKindSendOneEmailAndOneResolvedAndTheRetrainLearnsIt()
    {
        await _workspace.WriteDemoCsvAsync();
        await _workspace.AppendToDemoCsvAsync([.. Enumerable.Range(2, 8).SelectMany(h => AgentEvents(Day.AddHours(h), 9100 + h)), .. AgentEvents(Day.AddHours(12), 9200)]);
        await _workspace.SetupAsync();

        var flagged = new List<bool>();
        for (var hour = 0; hour < 12; hour++)
        {
            flagged.Add((await ScoreHourAsync(hour)).Anomalies.Count > 0);
        }

        var subjects = _smtp.Messages().Select(m => m.Message.Subject).ToList();
        using (var context = _workspace.Open())
        {
            await new SetupService(context).RetrainAsync(new RunRequest(Now: Day.AddHours(12), Collect: false), null, _workspace.Warnings.Add, CancellationToken.None);
        }

        var afterRetrain = await ScoreHourAsync(12);
        using var book = new IncidentBook(_workspace.Config);
        var incident = Assert.Single(await book.ListAsync(openOnly: false, 10, CancellationToken.None));

        Assert.Equal([false, false, true, true, true, true, true, true, true, true, false, false], flagged);
        Assert.Equal(2, subjects.Count);
        Assert.StartsWith("[Vigil] 1 anomalous hour", subjects[0], StringComparison.Ordinal);
        Assert.StartsWith("[Vigil] Resolved: incident " + incident.Id, subjects[1], StringComparison.Ordinal);
        Assert.Equal((Day.AddHours(2), Day.AddHours(9), 8, 2, true), (incident.FirstHour, incident.LastHour, incident.Hours, incident.Pages, incident.Resolved));
        Assert.Empty(afterRetrain.Anomalies);
        Assert.Equal(2, _smtp.Messages().Count);
    }
}
