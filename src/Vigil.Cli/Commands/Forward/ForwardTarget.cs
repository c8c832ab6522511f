using Vigil.Core.Events;
using Vigil.Forward;
using Vigil.Pipeline.Configuration;

namespace Vigil.Cli.Commands.Forward;

/// <summary>
/// Where <c>vigil forward</c> pushes and as whom: the command line over <c>[forward]</c> (and its <c>VIGIL_FORWARD__*</c>
/// variables). Each problem is one line naming the option or key to fix; the key itself is never shown.
/// </summary>
internal sealed record ForwardTarget(Uri To, string? Key, string Host)
{
    public static ForwardTarget Resolve(string? to, string? key, string? host, ForwardSettings settings, string machineName)
    {
        var url = to ?? settings.To
            ?? throw new ForwardException("no server to forward to: pass --to URL (e.g. http://vigil.example:5000) or set [forward] to");
        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || uri.Host.Length == 0)
        {
            throw new ForwardException($"--to '{url}' is not an http:// or https:// URL; give the server's address, such as http://vigil.example:5000");
        }

        var secret = string.IsNullOrWhiteSpace(key) ? settings.Key : key.Trim();
        if (secret is not null && (secret.Any(char.IsControl) || secret.Contains(' ', StringComparison.Ordinal)))
        {
            throw new ForwardException("the ingest key contains spaces or control characters; copy it again from the server's [ingest] keys");
        }

        var name = host ?? settings.Host ?? machineName;
        if (!HostSource.TryNormalizeHost(name, out var normal))
        {
            throw new ForwardException($"host name '{name}' is not valid (letters, digits, '.', '-', '_'); pass --host NAME or set [forward] host");
        }

        return new ForwardTarget(uri, secret, normal);
    }

    public override string ToString() => $"ForwardTarget {{ To = {To}, Key = {(Key is null ? "(none)" : "***")}, Host = {Host} }}";
}
