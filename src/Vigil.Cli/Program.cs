using Spectre.Console;
using Vigil.Cli.Commands;

// Piped or captured output has no terminal width; 80 columns would wrap the hours table.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

// Each verb returns its exit code: 0 ok, 1 anomalies found (detect), 2 error.
return await CommandCatalog.Create().Parse(args).InvokeAsync();
