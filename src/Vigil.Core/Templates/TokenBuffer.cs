namespace Vigil.Core.Templates;

/// <summary>
/// The masked tokens of the message being mined, kept in reused arrays so that mining a line allocates nothing
/// unless it creates or changes a template.
/// </summary>
internal sealed class TokenBuffer
{
    private char[] _chars = new char[256];
    private int[] _starts = new int[32];
    private int[] _ends = new int[32];
    private int _length;

    public int Count { get; private set; }

    public ReadOnlySpan<char> this[int index] => _chars.AsSpan(_starts[index], _ends[index] - _starts[index]);

    public void Clear()
    {
        _length = 0;
        Count = 0;
    }

    public void BeginToken()
    {
        if (Count == _starts.Length)
        {
            Array.Resize(ref _starts, Count * 2);
            Array.Resize(ref _ends, Count * 2);
        }

        _starts[Count] = _length;
    }

    public void EndToken() => _ends[Count++] = _length;

    /// <summary>
    /// Ends the token, or drops it when it repeats the previous one and holds a variable, so that a list of
    /// ids ("blk_1 blk_2 blk_3") reads as one <c>blk_&lt;*&gt;</c> whatever its length.
    /// </summary>
    public void EndTokenCollapsingRepeats()
    {
        var token = _chars.AsSpan(_starts[Count], _length - _starts[Count]);
        if (Count > 0 && token.SequenceEqual(this[Count - 1]) && token.Contains(TokenMasker.Wildcard, StringComparison.Ordinal))
        {
            _length = _starts[Count];
            return;
        }

        EndToken();
    }

    public void Append(char c)
    {
        if (_length == _chars.Length)
        {
            Array.Resize(ref _chars, _length * 2);
        }

        _chars[_length++] = c;
    }

    public void Append(string text)
    {
        if (_length + text.Length > _chars.Length)
        {
            Array.Resize(ref _chars, Math.Max(_chars.Length * 2, _length + text.Length));
        }

        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
    }
}
