using System.Globalization;
using System.Text.Json;
using CsvHelper;

namespace Consultations.Host.Exports;

/// <summary>
/// The columns of one CSV export, each a typed value of a row. Written by CsvHelper: RFC 4180 (CRLF rows, fields with
/// commas, quotes or line breaks quoted, quotes doubled), UTF-8 with a byte-order mark so that spreadsheet programs read
/// Japanese and Italian names. Values are spelled as in the JSON answer (enums kebab-case, dates yyyy-MM-dd, lists joined
/// with "; "), and a cell that a spreadsheet would run as a formula is neutralised (<see cref="Neutralised"/>).
/// </summary>
public sealed class CsvColumns<T>
{
    private readonly List<(string Header, Func<T, object?> Value)> _columns = [];

    public CsvColumns<T> Add(string header, Func<T, object?> value)
    {
        _columns.Add((header, value));
        return this;
    }

    /// <summary>One column per name, headed <c>prefix + name</c>, its value looked up by name (counts by status, dates by status).</summary>
    public CsvColumns<T> AddEach(string prefix, IEnumerable<string> names, Func<T, string, object?> value)
    {
        foreach (var name in names) Add(prefix + name, row => value(row, name));
        return this;
    }

    public byte[] Write(IEnumerable<T> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var column in _columns) csv.WriteField(column.Header);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var column in _columns) csv.WriteField(Cell(column.Value(row)));
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    /// <summary>
    /// OWASP's rule against CSV injection: a cell beginning with <c>=</c>, <c>+</c>, <c>-</c>, <c>@</c>, a tab or a carriage
    /// return is prefixed with a single quote, so a spreadsheet shows it as text instead of running it. Only text is
    /// neutralised: a number the service computed (a compliance average of -0.5) runs nothing and stays a number.
    /// </summary>
    public static string Neutralised(string cell) => cell is ['=' or '+' or '-' or '@' or '\t' or '\r', ..] ? "'" + cell : cell;

    private static string Cell(object? value) => value is int or long or double or float or decimal
        ? ((IFormattable)value).ToString(null, CultureInfo.InvariantCulture)
        : Neutralised(Text(value));

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        Enum e => JsonSerializer.Serialize(e, e.GetType(), JsonConventions.Options).Trim('"'),
        bool b => b ? "true" : "false",
        DateOnly d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        IEnumerable<string> list => string.Join("; ", list),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
