namespace Vigil.Pipeline.Configuration;

/// <summary>Everything read from <c>config/config.ini</c> and <c>VIGIL_*</c> environment variables, validated.</summary>
public sealed record VigilConfig(
    string Origin,
    DetectionSettings Detection,
    AlertSettings Alerts,
    EmailSettings Email,
    SlackSettings Slack,
    WebhookSettings Webhook,
    VigilSettings Vigil,
    ApiSettings Api)
{
    /// <summary><c>[store]</c>: SQLite in data_dir unless it names PostgreSQL.</summary>
    public StoreSettings Store { get; init; } = StoreSettings.Default;

    /// <summary>Sections, keys and VIGIL_ variables that set nothing Vigil knows (typos, most likely); already reported.</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary><c>[ingest]</c>: the push receivers of <c>vigil serve</c> (ingest keys, syslog listeners).</summary>
    public IngestSettings Ingest { get; init; } = IngestSettings.None;

    /// <summary><c>[forward]</c>: what <c>vigil forward</c> pushes to.</summary>
    public ForwardSettings Forward { get; init; } = ForwardSettings.Default;
}
