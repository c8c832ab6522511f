using Spectre.Console;
using Vigil.Cli.Invocation;

// Piped or captured output has no terminal width; 80 columns would wrap the hours table.
if (Console.IsOutputRedirected)
{
    AnsiConsole.Profile.Width = 160;
}

// 0 ok, 1 anomalies found (detect), 2 an error the operator can fix, 3 an internal error (logged in full).
return await VigilCli.RunAsync(args);
