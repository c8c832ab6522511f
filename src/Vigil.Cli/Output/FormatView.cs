using Vigil.Collectors.Text;

namespace Vigil.Cli.Output;

/// <summary>Prints the layout inferred for a text file (<c>--show-format</c>).</summary>
internal static class FormatView
{
    public static void Write(TextLayoutProbe layout, TextWriter output)
    {
        output.WriteLine($"format of {layout.Path}:");
        foreach (var line in layout.Describe())
        {
            output.WriteLine("  " + line);
        }
    }
}
