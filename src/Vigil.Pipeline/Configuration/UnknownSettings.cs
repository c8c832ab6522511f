using Microsoft.Extensions.Configuration;

namespace Vigil.Pipeline.Configuration;

/// <summary>
/// Finds sections and keys nobody reads: a typo (<c>colection_hours</c>) would otherwise leave the default in force
/// without a word. What is known is what <see cref="SettingReader"/> was asked for while reading the settings, so a key
/// added to a settings class is known the moment it is read; there is no second list to keep in step.
/// </summary>
internal static class UnknownSettings
{
    public static List<string> Find(IConfiguration file, string origin, EnvironmentOverrides environment, IReadOnlyCollection<(string Section, string Key)> known)
    {
        var sections = known.Select(static k => k.Section).Distinct(StringComparer.OrdinalIgnoreCase).ToList();
        var warnings = new List<string>();
        foreach (var section in file.GetChildren())
        {
            if (!sections.Contains(section.Key, StringComparer.OrdinalIgnoreCase))
            {
                warnings.Add($"{origin}: unknown section [{section.Key}]{Hint(section.Key, sections, s => $"[{s}]")}; its keys are ignored");
                continue;
            }

            foreach (var key in section.GetChildren())
            {
                if (Unknown(section.Key, key.Key, known, out var keys))
                {
                    warnings.Add($"{origin}: [{section.Key}] unknown key '{key.Key}'{Hint(key.Key, keys, k => $"'{k}'")}; ignored");
                }
            }
        }

        foreach (var (section, key, variable) in environment.All)
        {
            if (Unknown(section, key, known, out var keys))
            {
                var candidates = keys.Count > 0 ? keys.Select(k => $"{section}__{k}") : sections.Select(s => $"{s}__{key}");
                warnings.Add($"environment: {variable} sets no known setting{Hint($"{section}__{key}", candidates, c => $"VIGIL_{c.ToUpperInvariant()}")}; ignored");
            }
        }

        return warnings;
    }

    private static bool Unknown(string section, string key, IReadOnlyCollection<(string Section, string Key)> known, out List<string> keysOfSection)
    {
        keysOfSection = known.Where(k => k.Section.Equals(section, StringComparison.OrdinalIgnoreCase)).Select(static k => k.Key).ToList();
        return !keysOfSection.Contains(key, StringComparer.OrdinalIgnoreCase);
    }

    private static string Hint(string typed, IEnumerable<string> candidates, Func<string, string> show) =>
        ClosestName.Find(typed, candidates) is { } near ? $" (did you mean {show(near)}?)" : string.Empty;
}
