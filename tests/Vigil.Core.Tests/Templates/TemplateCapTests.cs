using Vigil.Core.Templates;

namespace Vigil.Core.Tests.Templates;

public sealed class TemplateCapTests
{
    [Fact]
    public void EndlessUniqueGarbageStopsAtTheCapGoesToOtherAndTheTreeStopsGrowing()
    {
        var miner = new TemplateMiner(new TemplateMinerOptions { MaxTemplates = 200 });
        var random = new Random(3);

        Feed(miner, random, 20_000);
        var templatesAfterWarmUp = miner.TemplateCount;
        var nodesAfterWarmUp = miner.TreeNodeCount;
        Feed(miner, random, 200_000);

        Assert.Equal(200, templatesAfterWarmUp);
        Assert.Equal(200, miner.TemplateCount);
        Assert.True(miner.OtherCount > 150_000, $"other: {miner.OtherCount}");
        Assert.Equal(TemplateMiner.OtherTemplateId, miner.Templates()[0].Id);
        Assert.Equal(nodesAfterWarmUp, miner.TreeNodeCount);
    }

    [Fact]
    public void KnownTemplatesStillMatchOnceTheCapIsReached()
    {
        var miner = new TemplateMiner(new TemplateMinerOptions { MaxTemplates = 2 });
        var open = miner.Add("session opened for user alice").TemplateId;
        miner.Add("disk sda failing at sector 7");

        var again = miner.Add("session opened for user bob");
        var unseen = miner.Add("completely different words entirely here now");

        Assert.Equal(open, again.TemplateId);
        Assert.Equal(TemplateMiner.OtherTemplateId, unseen.TemplateId);
        Assert.NotEqual(TemplateMiner.OtherTemplateId, open);
    }

    [Fact]
    public void MessagesDifferingOnlyInAMaskedPartOfALeadingTokenShareATemplate()
    {
        var miner = new TemplateMiner();

        var ids = new[] { "echo", "bravo", "kilo", "tango" }
            .Select(w => miner.Add($"node {w}-{w.Length * 7} detected a failed network connection via interface alt0").TemplateId)
            .Distinct();

        Assert.Single(ids);
    }

    [Fact]
    public void AStateSavedWithAMaskedTokenAsItsOwnRouteKeyStillMatchesAfterARestore()
    {
        var miner = new TemplateMiner();
        var id = miner.Add("node echo-20 detected a failed connection").TemplateId;
        var state = miner.ExportState();
        var old = state with { Templates = [.. state.Templates!.Select(t => t with { Route = ["node", "echo-<*>"] })] };

        var restored = TemplateMiner.FromState(old);

        Assert.Equal(id, restored.Add("node echo-31 detected a failed connection").TemplateId);
    }

    private static void Feed(TemplateMiner miner, Random random, int lines)
    {
        Span<char> word = stackalloc char[12];
        var line = new System.Text.StringBuilder();
        for (var i = 0; i < lines; i++)
        {
            line.Clear();
            var count = random.Next(1, 30);
            for (var w = 0; w < count; w++)
            {
                for (var c = 0; c < word.Length; c++)
                {
                    word[c] = (char)('a' + random.Next(26));
                }

                line.Append(word).Append(' ');
            }

            miner.Add(line.ToString());
        }
    }
}
