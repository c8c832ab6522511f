using Vigil.Core.Templates;
using Vigil.Core.Tests.Support;

namespace Vigil.Core.Tests.Templates;

public sealed class TemplateMinerTests
{
    [Fact]
    public void MessagesDifferingOnlyInVariablesShareATemplate()
    {
        var miner = new TemplateMiner();

        var first = miner.Add("Accepted password for root from 10.0.0.1 port 22 ssh2");
        var second = miner.Add("Accepted password for admin from 10.0.0.7 port 5022 ssh2");
        var other = miner.Add("Connection closed by 10.0.0.1 [preauth]");

        Assert.True(first.IsNew);
        Assert.Equal(first.TemplateId, second.TemplateId);
        Assert.False(second.IsNew);
        Assert.NotEqual(first.TemplateId, other.TemplateId);
        var template = miner.Templates().Single(t => t.Id == first.TemplateId);
        Assert.Equal("Accepted password for <*> from <*> port <*> ssh2", template.Text);
        Assert.Equal((2L, 1L, 2L), (template.Count, template.FirstSeen, template.LastSeen));
    }

    [Fact]
    public void ARestoredMinerAssignsExactlyWhatAnUninterruptedMinerWould()
    {
        var lines = LoghubDataset.Load("OpenSSH").Contents;
        var uninterrupted = new TemplateMiner();
        var expected = lines.Select(l => uninterrupted.Add(l).TemplateId).ToList();

        var before = new TemplateMiner();
        var firstHalf = lines.Take(1000).Select(l => before.Add(l).TemplateId).ToList();
        var restored = TemplateMiner.FromJson(before.ToJson());
        var secondHalf = lines.Skip(1000).Select(l => restored.Add(l).TemplateId).ToList();

        Assert.Equal(expected, firstHalf.Concat(secondHalf));
        Assert.Equal(uninterrupted.Templates(), restored.Templates());
        Assert.Equal(uninterrupted.MessageCount, restored.MessageCount);
    }

    [Fact]
    public void ARestoredMinerKeepsKnownIdsAndGivesNewTemplatesFreshIds()
    {
        var miner = new TemplateMiner();
        var known = miner.Add("session opened for user alice by (uid=0)").TemplateId;
        var json = miner.ToJson();

        var restored = TemplateMiner.FromJson(json);
        var again = restored.Add("session opened for user bob by (uid=1000)");
        var fresh = restored.Add("kernel: Out of memory: Killed process 4242 (java)");

        Assert.Equal(known, again.TemplateId);
        Assert.False(again.IsNew);
        Assert.True(fresh.IsNew);
        Assert.NotEqual(known, fresh.TemplateId);
        Assert.DoesNotContain(fresh.TemplateId, miner.Templates().Select(t => t.Id));
    }

    [Fact]
    public void SavedOptionsComeBackWithTheState()
    {
        var options = new TemplateMinerOptions { Depth = 5, SimilarityThreshold = 0.5, ExtraMasks = [@"host-\w+"] };
        var miner = new TemplateMiner(options);
        miner.Add("ping host-alpha ok");

        var restored = TemplateMiner.FromJson(miner.ToJson());

        Assert.Equal(5, restored.Options.Depth);
        Assert.Equal(0.5, restored.Options.SimilarityThreshold);
        Assert.Equal([@"host-\w+"], restored.Options.ExtraMasks);
        Assert.Equal("ping <*> ok", restored.Templates().Single().Text);
    }

    [Theory]
    [InlineData("not json")]
    [InlineData("null")]
    [InlineData("{\"version\":1,\"options\":null,\"templates\":[null]}")]
    [InlineData("{\"version\":1,\"options\":{\"depth\":1},\"templates\":[]}")]
    [InlineData("{\"version\":1,\"options\":{\"extraMasks\":null},\"templates\":[]}")]
    [InlineData("{\"version\":1,\"options\":{},\"templates\":[{\"id\":1,\"tokens\":[],\"route\":[]},{\"id\":1,\"tokens\":[],\"route\":[]}]}")]
    [InlineData("{\"version\":99,\"options\":{},\"templates\":[]}")]
    [InlineData("{\"version\":1,\"options\":{},\"templates\":[{\"id\":1,\"tokens\":[\"a\",\"b\",\"c\"],\"route\":[],\"count\":1}]}")]
    public void ADamagedStateIsRejectedWithAnArgumentException(string json)
    {
        var error = Assert.Throws<ArgumentException>(() => TemplateMiner.FromJson(json));

        Assert.Matches("^Template miner (state|options)", error.Message);
    }

    [Fact]
    public void OptionsOutOfRangeAreNamedInTheError()
    {
        var error = Assert.Throws<ArgumentException>(() => new TemplateMiner(new TemplateMinerOptions { SimilarityThreshold = 1.5 }));

        Assert.Contains("SimilarityThreshold must be in (0, 1], got 1.5", error.Message);
    }

    [Fact]
    public void AUserMaskThatIsNotARegexIsNamedInTheError()
    {
        var error = Assert.Throws<ArgumentException>(() => new TemplateMiner(new TemplateMinerOptions { ExtraMasks = ["ok", "(unclosed"] }));

        Assert.Contains("#2 '(unclosed'", error.Message);
    }

    [Fact]
    public void EmptyAndBlankMessagesShareOneEmptyTemplate()
    {
        var miner = new TemplateMiner();

        var empty = miner.Add("");
        var blank = miner.Add(" \t \r");

        Assert.Equal(empty.TemplateId, blank.TemplateId);
        Assert.Equal("", miner.Templates().Single().Text);
    }

    [Fact]
    public void BinaryGarbageAndReplacementCharactersAreMinedWithoutError()
    {
        var random = new Random(7);
        var miner = new TemplateMiner();
        var garbage = Enumerable.Range(0, 200)
            .Select(_ => new string(Enumerable.Range(0, random.Next(0, 300)).Select(_ => (char)random.Next(0, 0xFFFF)).ToArray()))
            .Append("\0\0\0\uFFFD\uFFFD abc \uD800")
            .ToList();

        var matches = garbage.Select(g => miner.Add(g)).ToList();

        Assert.Equal(garbage.Count, miner.MessageCount);
        Assert.All(matches, m => Assert.InRange(m.TemplateId, 1, miner.TemplateCount));
        Assert.Equal(garbage.Count, miner.Templates().Sum(t => t.Count));
        Assert.Equal(miner.Templates(), TemplateMiner.FromJson(miner.ToJson()).Templates());
    }

    [Fact]
    public void AOneMegabyteMessageIsCutToTheConfiguredLengthAndSaysSo()
    {
        var miner = new TemplateMiner(new TemplateMinerOptions { MaxMessageLength = 1000 });
        var huge = string.Concat(Enumerable.Repeat("word 12345 ", 1024 * 1024 / 11));

        var match = miner.Add(huge);
        var normal = miner.Add("word 1");

        Assert.True(match.Truncated);
        Assert.False(normal.Truncated);
        Assert.True(miner.Templates().Single(t => t.Id == match.TemplateId).Text.Length <= 1000);
    }
}
