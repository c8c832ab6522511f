using System.Collections;

namespace Vigil.Pipeline.Configuration;

/// <summary>
/// The <c>VIGIL_SECTION__KEY</c> variables set in the environment, by <c>section:key</c>, so a bad or unknown value is
/// reported under the variable's name (the operator set it there, not in config.ini).
/// </summary>
internal sealed class EnvironmentOverrides
{
    private readonly Dictionary<string, string> _names;

    private EnvironmentOverrides(Dictionary<string, string> names) => _names = names;

    public static EnvironmentOverrides Read(string prefix)
    {
        var names = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (DictionaryEntry variable in Environment.GetEnvironmentVariables())
        {
            var name = (string)variable.Key;
            if (name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase) && name.IndexOf("__", prefix.Length, StringComparison.Ordinal) > prefix.Length)
            {
                names[name[prefix.Length..].Replace("__", ":", StringComparison.Ordinal)] = name;
            }
        }

        return new EnvironmentOverrides(names);
    }

    /// <summary>Every override, as (section, key, variable name).</summary>
    public IEnumerable<(string Section, string Key, string Variable)> All =>
        _names.Select(static p => (p.Key[..p.Key.IndexOf(':', StringComparison.Ordinal)], p.Key[(p.Key.IndexOf(':', StringComparison.Ordinal) + 1)..], p.Value));

    /// <summary>The variable that sets <paramref name="section"/>/<paramref name="key"/>, or null when the value comes from the file.</summary>
    public string? VariableFor(string section, string key) => _names.GetValueOrDefault($"{section}:{key}");
}
