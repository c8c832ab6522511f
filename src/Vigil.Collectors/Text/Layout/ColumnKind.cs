namespace Vigil.Collectors.Text.Layout;

/// <summary>What a leading column of a log line holds, decided over a file's first lines.</summary>
internal enum ColumnKind
{
    /// <summary>Nothing consistent (a host, a thread, a component name): header only when a later column is.</summary>
    Free,

    /// <summary>A level word: <c>INFO</c>, <c>[warn]</c>, <c>E</c>, <c>Info</c>.</summary>
    Level,

    /// <summary>Another date or time (a second timestamp on the line).</summary>
    Time,

    /// <summary>A name ending in a colon (<c>sshd[12]:</c>, <c>com.acme.Foo:</c>): the header ends with it.</summary>
    Tag,

    /// <summary>A bracketed field (<c>[main]</c>, <c>[req-1 - -]</c>).</summary>
    Bracket,

    /// <summary>A lone <c>-</c> separating fields.</summary>
    Dash,

    /// <summary>A number: a process or thread id, a flag.</summary>
    Number,

    /// <summary>A field padded to a fixed width (followed by two or more spaces).</summary>
    Padded,
}
