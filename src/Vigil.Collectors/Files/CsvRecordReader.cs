using System.Text;

namespace Vigil.Collectors.Files;

/// <summary>
/// Reads RFC 4180 records (quoted fields may hold commas, quotes and newlines) and remembers the line each record
/// starts on, so a bad record can be reported by line. A stray quote inside an unquoted field is kept as text.
/// </summary>
internal sealed class CsvRecordReader
{
    private readonly TextReader _reader;
    private readonly StringBuilder _field = new();
    private int _line = 1;

    public CsvRecordReader(TextReader reader) => _reader = reader;

    /// <summary>The line on which the record last returned by <see cref="TryRead"/> started.</summary>
    public int RecordLine { get; private set; }

    /// <summary>Reads the next non-empty record; false at the end. <paramref name="error"/> is set when quoting was broken.</summary>
    public bool TryRead(List<string> fields, out string? error)
    {
        fields.Clear();
        error = null;
        while (true)
        {
            if (_reader.Peek() < 0)
            {
                return false;
            }

            RecordLine = _line;
            ReadRecord(fields, ref error);
            if (fields.Count > 1 || fields[0].Length > 0)
            {
                return true;
            }

            fields.Clear();
        }
    }

    private void ReadRecord(List<string> fields, ref string? error)
    {
        _field.Clear();
        var quoted = false;
        var atFieldStart = true;
        while (true)
        {
            var c = _reader.Read();
            if (c < 0)
            {
                if (quoted)
                {
                    error = "a quoted field is not closed before the end of the file";
                }

                fields.Add(_field.ToString());
                return;
            }

            if (quoted)
            {
                if (c == '"')
                {
                    if (_reader.Peek() == '"')
                    {
                        _reader.Read();
                        _field.Append('"');
                    }
                    else
                    {
                        quoted = false;
                    }
                }
                else
                {
                    if (c == '\n')
                    {
                        _line++;
                    }

                    _field.Append((char)c);
                }

                continue;
            }

            switch (c)
            {
                case '"' when atFieldStart:
                    quoted = true;
                    atFieldStart = false;
                    break;
                case ',':
                    fields.Add(_field.ToString());
                    _field.Clear();
                    atFieldStart = true;
                    break;
                case '\r':
                    break;
                case '\n':
                    _line++;
                    fields.Add(_field.ToString());
                    return;
                default:
                    _field.Append((char)c);
                    atFieldStart = false;
                    break;
            }
        }
    }
}
