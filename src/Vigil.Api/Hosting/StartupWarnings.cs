using Vigil.Pipeline.Configuration;

namespace Vigil.Api.Hosting;

/// <summary>What serve says at start about how it runs: as root, with a config file others can read, a key sent in clear.</summary>
internal static class StartupWarnings
{
    public static IReadOnlyList<string> For(VigilConfig config, IReadOnlyList<ListenEndpoint> endpoints, bool isRoot)
    {
        var warnings = new List<string>();
        if (isRoot)
        {
            warnings.Add("vigil serve runs as root (or an elevated account): a flaw in it would own the machine. Run it as a dedicated account that may read the logs (e.g. in the adm or systemd-journal group); see README, Security.");
        }

        if (ReadableConfigWithSecret(config) is { } mode)
        {
            warnings.Add($"{config.Origin} holds secrets and other users can read it (mode {mode}); restrict it: chmod 600 '{config.Origin}'.");
        }

        foreach (var endpoint in endpoints.Where(e => !e.IsLoopback && !e.Https))
        {
            warnings.Add($"{endpoint} is reachable from other machines over plain HTTP: the API key and log data travel unencrypted. Set [api] certificate and listen on https:// (see README, Security).");
        }

        return warnings;
    }

    private static string? ReadableConfigWithSecret(VigilConfig config)
    {
        if (OperatingSystem.IsWindows() || !File.Exists(config.Origin))
        {
            return null;
        }

        var mode = File.GetUnixFileMode(config.Origin);
        if ((mode & (UnixFileMode.GroupRead | UnixFileMode.OtherRead)) == 0)
        {
            return null;
        }

        string?[] secrets = [config.Api.ApiKey, config.Api.CertificatePassword, config.Email.Password, config.Slack.WebhookUrl, config.Webhook.Url, config.Webhook.Secret];
        var text = File.ReadAllText(config.Origin);
        return secrets.Any(s => !string.IsNullOrEmpty(s) && text.Contains(s, StringComparison.Ordinal))
            ? Convert.ToString((int)mode, 8)
            : null;
    }
}
