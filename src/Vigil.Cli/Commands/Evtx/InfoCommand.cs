using System.CommandLine;
using System.Globalization;
using Vigil.Cli.Commands.Shared;
using Vigil.Cli.Output;
using Vigil.Collectors.Evtx;

namespace Vigil.Cli.Commands.Evtx;

/// <summary><c>vigil evtx info FILE</c>: header facts, the EventRecordID and TimeCreated ranges of the records, and the damage found.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var file = new Argument<string>("FILE") { Description = "The .evtx file" };
        var json = CommonOptions.Json();
        var command = new Command("info", "Show an .evtx file's chunks, records, EventRecordID and TimeCreated ranges and any damage") { file, json };
        command.SetAction((result, _) => CommandRunner.RunAsync(() =>
        {
            var path = result.GetValue(file)!;
            EvtxFileInfo info;
            try
            {
                info = EvtxFileInfo.Read(path);
            }
            catch (EvtxFormatException ex)
            {
                Console.Error.WriteLine($"{path}: {ex.Message}");
                return Task.FromResult(CommandRunner.Failed);
            }

            if (result.GetValue(json))
            {
                JsonOutput.Write(info);
                return Task.FromResult(CommandRunner.Ok);
            }

            var inv = CultureInfo.InvariantCulture;
            Console.WriteLine($"File:           {info.Path}");
            Console.WriteLine($"Version:        {info.MajorVersion}.{info.MinorVersion}");
            Console.WriteLine($"Chunks:         {info.ChunksInFile} in file, {info.UsedChunks} in use, {info.HeaderChunkCount} in header");
            Console.WriteLine($"Records:        {info.Records}");
            Console.WriteLine($"EventRecordID:  {info.MinEventRecordId} – {info.MaxEventRecordId}");
            Console.WriteLine($"TimeCreated:    {info.EarliestTimeCreated?.ToString("O", inv)} – {info.LatestTimeCreated?.ToString("O", inv)}");
            Console.WriteLine($"Dirty:          {(info.IsDirty ? "yes" : "no")}{(info.IsFull ? ", full" : "")}");
            Console.WriteLine($"Header CRC:     {(info.HeaderChecksumValid ? "ok" : "mismatch")}");
            Console.WriteLine($"Problems:       {(info.Problems.Count == 0 ? "none" : info.Problems.Count.ToString(inv))}");
            foreach (var problem in info.Problems)
            {
                Console.WriteLine($"  {problem}");
            }

            return Task.FromResult(CommandRunner.Ok);
        }));
        return command;
    }
}
