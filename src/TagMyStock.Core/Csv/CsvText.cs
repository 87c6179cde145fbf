namespace TagMyStock.Core.Csv;

/// <summary>The cell-level rules every TagMyStock CSV shares: RFC 4180 quoting, lists inside a cell, formula defusing.</summary>
internal static class CsvText
{
    /// <summary>
    /// Characters that make a spreadsheet read a cell as a formula (OWASP "CSV injection"), plus the control
    /// characters that can hide one.
    /// </summary>
    private static readonly char[] FormulaTriggers = ['=', '+', '-', '@', '\t', '\r', '\n'];

    private static readonly char[] FormulaTriggersAndSpace = [.. FormulaTriggers, ' '];

    private static readonly char[] ListSeparators = [',', ';'];

    /// <summary>Writes one cell, quoted when <paramref name="quote"/> says so or RFC 4180 requires it, quotes doubled.</summary>
    public static void WriteCell(TextWriter writer, string value, char separator, bool quote)
    {
        if (!quote && !NeedsQuotes(value, separator))
        {
            writer.Write(value);
            return;
        }

        writer.Write('"');
        writer.Write(value.Replace("\"", "\"\"", StringComparison.Ordinal));
        writer.Write('"');
    }

    /// <summary>
    /// Drops the characters a leading formula is made of from the start of free text (title, keyword, prompt…).
    /// The usual defence, a leading apostrophe, would be imported by the agency as part of the title; a stock
    /// title or keyword never needs to start with these characters, so removing them loses nothing.
    /// File names are never changed: they must match the uploaded file.
    /// </summary>
    public static string DefuseFormula(string text) =>
        text.Length > 0 && Array.IndexOf(FormulaTriggers, text[0]) >= 0
            ? text.TrimStart(FormulaTriggersAndSpace)
            : text;

    /// <summary>Joins a list (keywords, releases) into one cell, defusing each item and dropping blank ones.</summary>
    public static string JoinList(IEnumerable<string> items, string separator) =>
        string.Join(separator, items.Select(item => DefuseFormula(item.Trim())).Where(item => item.Length > 0));

    /// <summary>Splits a list cell on commas or semicolons, trimming each item and dropping blank ones.</summary>
    public static IReadOnlyList<string> SplitList(string cell) =>
        cell.Split(ListSeparators, StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    /// <summary>A comma-separated category cell in one spelling: items trimmed, blanks dropped.</summary>
    public static string NormalizeCategoryList(string cell) =>
        string.Join(',', cell.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));

    private static bool NeedsQuotes(string value, char separator) =>
        value.Contains(separator, StringComparison.Ordinal)
        || value.AsSpan().IndexOfAny('"', '\r', '\n') >= 0;
}
