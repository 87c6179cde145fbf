using System.Text;

namespace TagMyStock.Core.Csv;

/// <summary>One CSV record: its cells and the physical line it starts on.</summary>
/// <param name="Unterminated">A quoted cell was still open at the end of the input.</param>
internal sealed record CsvRecord(int Line, IReadOnlyList<string> Cells, bool Unterminated)
{
    /// <summary>An empty line, or one of empty cells as spreadsheets leave below the data: it carries no row.</summary>
    public bool IsBlank => Cells.All(string.IsNullOrWhiteSpace);
}

/// <summary>
/// Splits text into records by RFC 4180 (<see href="https://www.rfc-editor.org/rfc/rfc4180"/>): quoted cells may hold
/// the separator, doubled quotes and line breaks; CRLF, LF and CR all end a record. It is lenient where spreadsheets
/// are: a quote inside an unquoted cell, or text after a closing quote, is kept as written.
/// </summary>
internal sealed class CsvRecordReader(TextReader reader, char separator, int firstLine)
{
    private const int EndOfInput = -1;
    private const int Nothing = -2;

    private readonly StringBuilder _cell = new();
    private int _line = firstLine;
    private int _pushedBack = Nothing;

    /// <summary>The next record, or null at the end of the input.</summary>
    public CsvRecord? ReadRecord()
    {
        var c = Read();
        if (c == EndOfInput)
        {
            return null;
        }

        var startLine = _line;
        var cells = new List<string>();
        var inQuotes = false;
        var cellStarted = false;
        _cell.Clear();
        while (true)
        {
            if (inQuotes)
            {
                if (c == EndOfInput)
                {
                    cells.Add(_cell.ToString());
                    return new CsvRecord(startLine, cells, Unterminated: true);
                }

                if (c == '"')
                {
                    var next = Read();
                    if (next != '"')
                    {
                        inQuotes = false;
                        c = next;
                        continue;
                    }
                }
                else if (c is '\r' or '\n')
                {
                    AppendLineBreak(c);
                    c = Read();
                    continue;
                }

                _cell.Append((char)c);
            }
            else if (c is EndOfInput or '\r' or '\n')
            {
                SkipLineBreak(c);
                cells.Add(_cell.ToString());
                return new CsvRecord(startLine, cells, Unterminated: false);
            }
            else if (c == separator)
            {
                cells.Add(_cell.ToString());
                _cell.Clear();
                cellStarted = false;
            }
            else if (c == '"' && !cellStarted)
            {
                inQuotes = true;
                cellStarted = true;
            }
            else
            {
                _cell.Append((char)c);
                cellStarted = true;
            }

            c = Read();
        }
    }

    /// <summary>Keeps a line break inside a quoted cell as written (CRLF stays CRLF) and counts the line.</summary>
    private void AppendLineBreak(int c)
    {
        _cell.Append((char)c);
        if (c == '\r')
        {
            var next = Read();
            if (next == '\n')
            {
                _cell.Append('\n');
            }
            else
            {
                _pushedBack = next;
            }
        }

        _line++;
    }

    private void SkipLineBreak(int c)
    {
        if (c == EndOfInput)
        {
            return;
        }

        if (c == '\r')
        {
            var next = Read();
            if (next != '\n')
            {
                _pushedBack = next;
            }
        }

        _line++;
    }

    private int Read()
    {
        if (_pushedBack == Nothing)
        {
            return reader.Read();
        }

        var c = _pushedBack;
        _pushedBack = Nothing;
        return c;
    }
}
