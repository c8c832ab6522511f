using System.CommandLine;
using Vigil.Cli.Commands.Shared;
using Vigil.Collectors.Evtx;

namespace Vigil.Cli.Commands.Evtx;

/// <summary><c>vigil evtx dump FILE</c>: every record as XML (as Windows renders it) or as one JSON object per line.</summary>
internal static class DumpCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The .evtx file" };
        var format = new Option<string>("--format") { Description = "xml or jsonl", DefaultValueFactory = _ => "xml" };
        format.AcceptOnlyFromAmong("xml", "jsonl");
        var output = new Option<string?>("--output") { Description = "Write to this file instead of standard output" };
        var threads = new Option<int>("--threads") { Description = "Chunks parsed in parallel (default: all cores)", DefaultValueFactory = _ => Environment.ProcessorCount };
        var command = new Command("dump", "Write every record of an .evtx file as XML or JSON lines") { file, format, output, threads };
        command.SetAction((result, cancellationToken) => CommandRunner.RunAsync(() =>
        {
            var path = result.GetValue(file)!;
            var outputPath = result.GetValue(output);
            var dumpFormat = result.GetValue(format) == "jsonl" ? EvtxDumpFormat.Jsonl : EvtxDumpFormat.Xml;
            try
            {
                using var stream = outputPath is null ? Console.OpenStandardOutput() : File.Create(outputPath);
                using var buffered = new BufferedStream(stream, 1 << 16);
                var dumped = EvtxDumper.Dump(path, buffered, dumpFormat, result.GetValue(threads), CommandRunner.Warn, cancellationToken);
                if (outputPath is not null)
                {
                    Console.Error.WriteLine($"Wrote {dumped.RecordsWritten} records to {outputPath} ({dumped.RecordsSkipped} damaged records skipped)");
                }

                return Task.FromResult(CommandRunner.Ok);
            }
            catch (EvtxFormatException ex)
            {
                Console.Error.WriteLine($"{path}: {ex.Message}");
                return Task.FromResult(CommandRunner.Failed);
            }
        }));
        return command;
    }
}
