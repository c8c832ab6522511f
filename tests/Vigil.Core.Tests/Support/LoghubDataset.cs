namespace Vigil.Core.Tests.Support;

/// <summary>A loghub 2k sample: the message (<c>Content</c>) and true event id of each line of its structured CSV.</summary>
public sealed record LoghubDataset(string Name, string StructuredPath, IReadOnlyList<string> Contents, IReadOnlyList<string> EventIds)
{
    public static LoghubDataset Load(string name)
    {
        var path = Path.Combine(SharedData.Directory, "loghub", name, $"{name}_2k.log_structured.csv");
        var rows = CsvRows.Read(File.ReadAllText(path)).ToList();
        var header = rows[0];
        var content = header.IndexOf("Content");
        var eventId = header.IndexOf("EventId");
        var body = rows.Skip(1).Where(r => r.Count == header.Count).ToList();
        return new LoghubDataset(name, path, body.Select(r => r[content]).ToList(), body.Select(r => r[eventId]).ToList());
    }

    /// <summary>loghub's grouping accuracy: a line is right when its predicted group holds exactly its true group.</summary>
    public double GroupingAccuracy(IReadOnlyList<int> predicted)
    {
        var byPredicted = new Dictionary<int, List<int>>();
        var trueSize = EventIds.GroupBy(e => e).ToDictionary(g => g.Key, g => g.Count());
        for (var i = 0; i < predicted.Count; i++)
        {
            if (!byPredicted.TryGetValue(predicted[i], out var members))
            {
                byPredicted[predicted[i]] = members = [];
            }

            members.Add(i);
        }

        var correct = byPredicted.Values
            .Where(m => m.Select(i => EventIds[i]).Distinct().Count() == 1 && trueSize[EventIds[m[0]]] == m.Count)
            .Sum(m => m.Count);
        return (double)correct / predicted.Count;
    }
}
