using System.Text.Json;

namespace Vigil.Core.Templates;

/// <summary>
/// Mines log templates online (Drain: He et al., ICWS 2017) so text logs without event ids can be counted per kind
/// of event. Each message gets a stable template id; the state can be saved with <see cref="ExportState"/> or
/// <see cref="ToJson"/> and restored with <see cref="FromState"/> or <see cref="FromJson"/>, after which known
/// templates keep their ids and new ones get fresh ids. Not thread-safe; memory grows with templates, not messages.
/// </summary>
public sealed class TemplateMiner
{
    /// <summary>The id of the "other" bucket: messages that fit no template once <see cref="TemplateMinerOptions.MaxTemplates"/> is reached.</summary>
    public const int OtherTemplateId = 0;

    public const string OtherTemplateText = "<other: lines past the template cap>";

    private readonly TemplateMinerOptions _options;
    private readonly MessageTokenizer _tokenizer;
    private readonly ParseTree _tree;
    private readonly TokenBuffer _tokens = new();
    private readonly List<TemplateCluster> _clusters = [];
    private int _nextId = 1;

    public TemplateMiner(TemplateMinerOptions? options = null)
    {
        _options = options ?? new TemplateMinerOptions();
        Require(_options.Depth >= 3, $"Depth must be at least 3, got {_options.Depth}");
        Require(_options.MaxChildren >= 2, $"MaxChildren must be at least 2, got {_options.MaxChildren}");
        Require(_options.MaxMessageLength >= 1, $"MaxMessageLength must be at least 1, got {_options.MaxMessageLength}");
        Require(_options.SimilarityThreshold is > 0 and <= 1, $"SimilarityThreshold must be in (0, 1], got {_options.SimilarityThreshold}");
        Require(_options.MaxTemplates >= 1, $"MaxTemplates must be at least 1, got {_options.MaxTemplates}");
        Require(_options.ExtraMasks is not null, "ExtraMasks must be a list (it may be empty)");

        _tokenizer = new MessageTokenizer(_options.ExtraMasks!);
        _tree = new ParseTree(_options.Depth - 2, _options.MaxChildren);
    }

    public TemplateMinerOptions Options => _options;

    public long MessageCount { get; private set; }

    public int TemplateCount => _clusters.Count;

    internal int TreeNodeCount => _tree.NodeCount;

    /// <summary>Messages that went to the "other" bucket since this miner was created.</summary>
    public long OtherCount { get; private set; }

    private long _otherFirst;
    private long _otherLast;

    /// <summary>Assigns the message to a template, at position "number of messages mined so far + 1".</summary>
    public TemplateMatch Add(ReadOnlySpan<char> message) => Add(message, MessageCount + 1);

    /// <summary>Assigns the message to a template; <paramref name="position"/> (a line number or a time) is kept as first/last seen.</summary>
    public TemplateMatch Add(ReadOnlySpan<char> message, long position)
    {
        var truncated = message.Length > _options.MaxMessageLength;
        if (truncated)
        {
            message = message[.._options.MaxMessageLength];
        }

        _tokenizer.Tokenize(message, _tokens);
        var full = _clusters.Count >= _options.MaxTemplates;
        var leaf = _tree.Descend(_tokens, out var depth, grow: !full);
        var cluster = leaf is null ? null : TemplateMatcher.Best(leaf.Clusters, _tokens, _options.SimilarityThreshold);
        var isNew = cluster is null;
        if (cluster is null && (full || leaf is null))
        {
            _otherFirst = OtherCount++ == 0 ? position : _otherFirst;
            _otherLast = position;
            MessageCount++;
            return new TemplateMatch(OtherTemplateId, false, truncated);
        }

        if (cluster is null)
        {
            cluster = new TemplateCluster(_nextId++, CopyTokens(_tokens), _tree.LastRoute(depth)) { FirstSeen = position };
            leaf!.Clusters.Add(cluster);
            _clusters.Add(cluster);
        }
        else
        {
            TemplateMatcher.Widen(cluster, _tokens);
        }

        cluster.Count++;
        cluster.LastSeen = position;
        MessageCount++;
        return new TemplateMatch(cluster.Id, isNew, truncated);
    }

    /// <summary>A snapshot of the templates in id order.</summary>
    public IReadOnlyList<MinedTemplate> Templates()
    {
        var templates = new List<MinedTemplate>(_clusters.Count + 1);
        if (OtherCount > 0)
        {
            templates.Add(new MinedTemplate(OtherTemplateId, OtherTemplateText, OtherCount, _otherFirst, _otherLast));
        }

        foreach (var c in _clusters)
        {
            templates.Add(new MinedTemplate(c.Id, string.Join(' ', c.Tokens), c.Count, c.FirstSeen, c.LastSeen));
        }

        return templates;
    }

    public TemplateMinerState ExportState()
    {
        var templates = new TemplateState[_clusters.Count];
        for (var i = 0; i < templates.Length; i++)
        {
            var c = _clusters[i];
            templates[i] = new TemplateState(c.Id, [.. c.Tokens], c.Route, c.Count, c.FirstSeen, c.LastSeen);
        }

        return new TemplateMinerState { Options = _options, MessageCount = MessageCount, NextId = _nextId, Templates = templates };
    }

    public static TemplateMiner FromState(TemplateMinerState state)
    {
        ArgumentNullException.ThrowIfNull(state);
        if (state.Version != TemplateMinerState.CurrentVersion)
        {
            throw new ArgumentException($"Template miner state version {state.Version} is not supported (expected {TemplateMinerState.CurrentVersion}).", nameof(state));
        }

        if (state.Options is null || state.Templates is null || state.Templates.Any(t => t is null))
        {
            throw new ArgumentException("Template miner state lacks its options or templates.", nameof(state));
        }

        var miner = new TemplateMiner(state.Options) { MessageCount = state.MessageCount };
        foreach (var saved in state.Templates.OrderBy(t => t.Id))
        {
            if (miner._nextId > saved.Id)
            {
                throw new ArgumentException($"Template miner state: template id {saved.Id} appears twice.", nameof(state));
            }

            var cluster = TemplateStateValidator.ToCluster(saved, state.Options.Depth - 2);
            miner._tree.Restore(cluster);
            miner._clusters.Add(cluster);
            miner._nextId = Math.Max(miner._nextId, cluster.Id + 1);
        }

        miner._nextId = Math.Max(miner._nextId, state.NextId);
        return miner;
    }

    public string ToJson() => JsonSerializer.Serialize(ExportState(), TemplateStateJson.Options);

    /// <exception cref="ArgumentException">The text is not a saved miner state.</exception>
    public static TemplateMiner FromJson(string json)
    {
        TemplateMinerState? state;
        try
        {
            state = JsonSerializer.Deserialize<TemplateMinerState>(json, TemplateStateJson.Options);
        }
        catch (JsonException e)
        {
            throw new ArgumentException($"Template miner state is not valid JSON: {e.Message}", nameof(json), e);
        }

        return FromState(state ?? throw new ArgumentException("Template miner state is empty.", nameof(json)));
    }

    private static void Require(bool condition, string problem)
    {
        if (!condition)
        {
            throw new ArgumentException($"Template miner options: {problem}.", "options");
        }
    }

    private static string[] CopyTokens(TokenBuffer tokens)
    {
        var copy = new string[tokens.Count];
        for (var i = 0; i < copy.Length; i++)
        {
            var token = tokens[i];
            copy[i] = token.SequenceEqual(TokenMasker.Wildcard) ? TokenMasker.Wildcard : token.ToString();
        }

        return copy;
    }
}
