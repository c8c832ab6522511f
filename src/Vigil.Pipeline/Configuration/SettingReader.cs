using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace Vigil.Pipeline.Configuration;

/// <summary>
/// Reads typed values from the INI sections and fails with one line that names where the bad value was set: the file,
/// section and key, or the environment variable. Remembers every key it was asked for: those are the known settings.
/// </summary>
internal sealed class SettingReader
{
    private readonly IConfiguration _configuration;
    private readonly string _origin;
    private readonly EnvironmentOverrides? _environment;
    private readonly HashSet<(string Section, string Key)> _asked = [];

    public SettingReader(IConfiguration configuration, string origin, EnvironmentOverrides? environment = null)
    {
        _configuration = configuration;
        _origin = origin;
        _environment = environment;
    }

    /// <summary>Every (section, key) read so far: the settings Vigil knows.</summary>
    public IReadOnlyCollection<(string Section, string Key)> Asked => _asked;

    public string String(string section, string key, string fallback) =>
        Raw(section, key) is { } value ? value : fallback;

    public string? OptionalString(string section, string key) => Raw(section, key);

    /// <summary>Every key of a section that holds free-form pairs (<c>[formats]</c>), in file order.</summary>
    public IReadOnlyDictionary<string, string> Pairs(string section) =>
        _configuration.GetSection(section).GetChildren().Where(c => !string.IsNullOrWhiteSpace(c.Value)).ToDictionary(c => c.Key, c => c.Value!.Trim(), StringComparer.Ordinal);

    public int Int(string section, string key, int fallback, int min = int.MinValue, int max = int.MaxValue)
    {
        if (Raw(section, key) is not { } text)
        {
            return fallback;
        }

        if (!int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(section, key, text, "is not a whole number");
        }

        if (value < min || value > max)
        {
            throw Invalid(section, key, text, max == int.MaxValue ? $"must be at least {min}" : $"must be between {min} and {max}");
        }

        return value;
    }

    public double Double(string section, string key, double fallback, Func<double, bool> valid, string rule)
    {
        if (Raw(section, key) is not { } text)
        {
            return fallback;
        }

        if (!double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var value))
        {
            throw Invalid(section, key, text, "is not a number");
        }

        return valid(value) ? value : throw Invalid(section, key, text, rule);
    }

    public bool Bool(string section, string key, bool fallback)
    {
        if (Raw(section, key) is not { } text)
        {
            return fallback;
        }

        return text.ToLowerInvariant() switch
        {
            "true" or "yes" or "on" or "1" => true,
            "false" or "no" or "off" or "0" => false,
            _ => throw Invalid(section, key, text, "is not true or false"),
        };
    }

    /// <summary>
    /// An absolute http:// or https:// URL, or null when unset. A secret URL (a webhook carries its token) is not quoted
    /// in the error.
    /// </summary>
    public string? OptionalUrl(string section, string key, bool secret)
    {
        if (Raw(section, key) is not { } text)
        {
            return null;
        }

        var shown = secret ? string.Empty : $" = '{text}'";
        if (!Uri.TryCreate(text, UriKind.Absolute, out var url) || url.Scheme is not ("http" or "https") || url.Host.Length == 0)
        {
            throw new ConfigException($"{_origin}: [{section}] {key}{shown} is not an http:// or https:// URL; give the full address, such as https://host/path");
        }

        return text;
    }

    public ConfigException Invalid(string section, string key, string value, string problem) =>
        _environment?.VariableFor(section, key) is { } variable
            ? new($"environment: {variable} = '{value}' {problem}")
            : new($"{_origin}: [{section}] {key} = '{value}' {problem}");

    private string? Raw(string section, string key)
    {
        _asked.Add((section, key));
        var value = _configuration[$"{section}:{key}"];
        return string.IsNullOrWhiteSpace(value) ? null : value.Trim();
    }
}
