using System.Text;
using Microsoft.Extensions.Configuration;
using Vigil.Core.Events;

namespace Vigil.Pipeline.Configuration;

/// <summary>
/// Reads <c>config/config.ini</c> (the seed's sections and keys, plus Vigil's <c>[vigil]</c>, <c>[webhook]</c>, <c>[api]</c>)
/// and lets any key be overridden by an environment variable such as <c>VIGIL_EMAIL__PASSWORD</c>.
/// Without a file, the seed's defaults apply.
/// </summary>
public static class ConfigLoader
{
    public const string DefaultPath = "config/config.ini";

    public const string EnvironmentPrefix = "VIGIL_";

    /// <param name="path">An explicit <c>--config</c> file (must exist), or null for the default (optional).</param>
    /// <param name="warn">Where warnings about unknown sections and keys go; stderr when null.</param>
    public static VigilConfig Load(string? path, Action<string>? warn = null)
    {
        var file = path ?? DefaultPath;
        if (Directory.Exists(file))
        {
            throw new ConfigException($"{file}: is a folder, not a config file; point --config at the .ini file, or remove the folder to run on the defaults");
        }

        if (path is not null && !File.Exists(path))
        {
            throw new ConfigException($"{path}: config file not found; check the path, or leave out --config to run on {DefaultPath} (or the defaults when it is absent)");
        }

        var exists = File.Exists(file);
        var origin = exists ? file : "defaults";
        var fileSettings = exists ? ReadIni(file) : new ConfigurationBuilder().Build();
        var environment = EnvironmentOverrides.Read(EnvironmentPrefix);
        var configuration = new ConfigurationBuilder()
            .AddConfiguration(fileSettings)
            .AddEnvironmentVariables(EnvironmentPrefix)
            .Build();

        var reader = new SettingReader(configuration, origin, environment);
        var config = Read(reader, origin);
        var warnings = UnknownSettings.Find(fileSettings, origin, environment, reader.Asked);
        foreach (var warning in warnings)
        {
            (warn ?? WarnOnStderr)(warning);
        }

        return config with { Warnings = warnings };
    }

    /// <summary>The built-in defaults alone: no file, no environment (what <c>vigil demo</c> runs on).</summary>
    public static VigilConfig Defaults() =>
        Read(new SettingReader(new ConfigurationBuilder().Build(), "defaults"), "defaults");

    private static VigilConfig Read(SettingReader r, string origin)
    {
        var logType = r.String("detection", "log_type", "System");
        var detection = new DetectionSettings(
            logType,
            r.Int("detection", "collection_hours", 24, min: 1, max: Core.Windows.HourRange.MaxHours),
            r.Double("detection", "contamination", 0.05, c => c is > 0 and <= 0.5, "must be greater than 0 and at most 0.5"),
            r.Int("detection", "n_estimators", 100, min: 1, max: 10_000),
            r.Int("detection", "random_state", 42),
            r.String("detection", "model", "vigil").ToLowerInvariant(),
            r.Int("detection", "future_tolerance_hours", DetectionSettings.DefaultFutureToleranceHours, min: 0, max: 24 * 366),
            r.Int("detection", "min_training_hours", DetectionSettings.DefaultMinTrainingHours, min: 2, max: DetectionSettings.TrainingHours),
            r.Int("detection", "rare_kind_count", Core.Rules.KindRules.DefaultRareBelow, min: 0, max: 1_000_000),
            WatchEventsSetting.Read(r),
            r.Int("detection", "retrain_days", DetectionSettings.DefaultRetrainDays, min: 0, max: 3660));
        if (detection.Model is not ("seed" or "vigil"))
        {
            throw r.Invalid("detection", "model", detection.Model, "is not a model (seed or vigil)");
        }

        var alerts = new AlertSettings(
            r.Bool("alerts", "enable_email_notifications", false),
            r.Bool("alerts", "enable_slack_notifications", false),
            r.Bool("alerts", "enable_webhook_notifications", false),
            r.Int("alerts", "cooldown_minutes", 60, min: 0),
            r.OptionalUrl("alerts", "public_url", secret: false))
        {
            SendResolved = r.Bool("alerts", "send_resolved", true),
        };
        var email = new EmailSettings(
            r.String("email", "smtp_server", "smtp.gmail.com"),
            r.Int("email", "smtp_port", 587, min: 1, max: 65535),
            r.String("email", "sender_email", string.Empty),
            r.OptionalString("email", "password"),
            r.String("email", "receiver_email", string.Empty),
            r.String("email", "security", "auto").ToLowerInvariant());
        if (email.Security is not ("auto" or "starttls" or "tls" or "none"))
        {
            throw r.Invalid("email", "security", email.Security, "is not auto, starttls, tls or none");
        }

        var minLevelText = r.String("vigil", "min_level", "Verbose");
        if (!LevelMapping.TryParse(minLevelText, out var minLevel))
        {
            throw r.Invalid("vigil", "min_level", minLevelText, "is not a level name (Critical, Error, Warning, Information, Verbose)");
        }

        var storage = new VigilSettings(
            r.String("vigil", "source", DefaultSource(logType)),
            r.String("vigil", "data_dir", "data"),
            r.String("vigil", "models_dir", "models"),
            minLevel.Value) { Formats = r.Pairs("formats") };
        var api = new ApiSettings(
            r.String("api", "listen", "http://127.0.0.1:5000"),
            r.OptionalString("api", "api_key"),
            r.Int("api", "schedule_minute", 1, min: 0, max: 59))
        {
            Certificate = r.OptionalString("api", "certificate"),
            CertificatePassword = r.OptionalString("api", "certificate_password"),
        };
        var store = StoreSettings.Read(r);
        return new VigilConfig(
            origin,
            detection,
            alerts,
            email,
            new SlackSettings(r.OptionalUrl("slack", "webhook_url", secret: true)),
            new WebhookSettings(r.OptionalUrl("webhook", "url", secret: true), r.OptionalString("webhook", "secret")),
            storage,
            api)
        {
            Store = store,
            Ingest = IngestSettings.Read(r, api.ApiKey),
            Forward = ForwardSettings.Read(r),
        };
    }

    private static IConfigurationRoot ReadIni(string file)
    {
        string text;
        try
        {
            text = File.ReadAllText(file);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new ConfigException($"{file}: cannot be read ({ex.Message})", ex);
        }

        try
        {
            using var stream = new MemoryStream(Encoding.UTF8.GetBytes(InlineComments.Strip(text)));
            return new ConfigurationBuilder().AddIniStream(stream).Build();
        }
        catch (FormatException ex)
        {
            // The INI reader names the line it could not read.
            throw new ConfigException($"{file}: {ex.Message}", ex);
        }
    }

    private static void WarnOnStderr(string message) => Console.Error.WriteLine($"warning: {message}");

    /// <summary>On Windows the seed reads the <c>log_type</c> channel; elsewhere the system journal.</summary>
    private static string DefaultSource(string logType) => OperatingSystem.IsWindows() ? $"eventlog:{logType}" : "journald";
}
