using System.Text;
using Vigil.Core.Templates;
using Vigil.Core.Tests.Support;

namespace Vigil.Core.Tests.Templates;

public sealed class TemplateReportTests
{
    [Theory]
    [InlineData("HDFS")]
    [InlineData("OpenSSH")]
    public void TheSharedScorerGivesTheAssignmentsTheAccuracyMeasuredInProcess(string dataset)
    {
        var data = LoghubDataset.Load(dataset);
        var report = new TemplateReport(new TemplateMiner());
        var assignments = new StringWriter();
        report.Mine(new StringReader(string.Join('\n', data.Contents) + "\n"), assignments);
        var path = Path.Combine(Path.GetTempPath(), $"vigil-assignments-{Guid.NewGuid():N}.csv");
        File.WriteAllText(path, assignments.ToString());

        try
        {
            var scored = DrainRefScorer.Score(data.StructuredPath, path);

            var rows = assignments.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries).Skip(1).ToList();
            var inProcess = data.GroupingAccuracy(rows.Select(r => int.Parse(r.Split(',')[1])).ToList());
            Assert.Equal(data.Contents.Count, rows.Count);
            Assert.Equal(inProcess.ToString("F4", System.Globalization.CultureInfo.InvariantCulture), scored);
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void AssignmentsHaveOneRowPerInputLineInInputOrderIncludingEmptyLines()
    {
        var report = new TemplateReport(new TemplateMiner());
        var assignments = new StringWriter();

        var lines = report.Mine(new StringReader("open file 1\n\nopen file 2\r\nclose\n"), assignments);

        Assert.Equal(4, lines);
        Assert.Equal("line,template_id\n1,1\n2,2\n3,1\n4,3\n", assignments.ToString());
    }

    [Fact]
    public void NonUtf8BytesAreReadAsReplacementCharactersAndMined()
    {
        var bytes = Encoding.ASCII.GetBytes("login failed for user X\n\0\u0001\u0002\nlogin failed for user Y\n");
        bytes[22] = 0xFF;
        bytes[^2] = 0x80;
        using var reader = new StreamReader(new MemoryStream(bytes), new UTF8Encoding(false, false));
        var miner = new TemplateMiner();
        var assignments = new StringWriter();

        var lines = new TemplateReport(miner).Mine(reader, assignments);

        Assert.Equal(3, lines);
        Assert.Equal("line,template_id\n1,1\n2,2\n3,1\n", assignments.ToString());
        Assert.Equal("login failed for user \uFFFD", miner.Templates()[0].Text);
    }

    [Fact]
    public void AOneMegabyteLineIsCutWithANoteNamingTheLine()
    {
        var input = "short line\n" + new string('A', 1024 * 1024) + "\nshort line\n";
        var report = new TemplateReport(new TemplateMiner());
        var notes = new List<string>();

        var lines = report.Mine(new StringReader(input), null, notes.Add);

        Assert.Equal(3, lines);
        Assert.Equal(["line 2: 1048576 characters, only the first 16384 were mined"], notes);
    }

    [Fact]
    public void TheListingShowsTemplatesMostFrequentFirstWithCountsAndFirstAndLastLine()
    {
        var report = new TemplateReport(new TemplateMiner());
        report.Mine(new StringReader("disk full\nuser 1 logged in\nuser 2 logged in\n"), null);

        var templates = report.MostFrequentFirst();

        Assert.Equal(
            [new MinedTemplate(2, "user <*> logged in", 2, 2, 3), new MinedTemplate(1, "disk full", 1, 1, 1)],
            templates);
    }
}
