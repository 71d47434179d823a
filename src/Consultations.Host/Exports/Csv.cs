using System.Globalization;
using CsvHelper;

namespace Consultations.Host.Exports;

/// <summary>
/// The columns of one CSV export. Written by CsvHelper: RFC 4180 (CRLF rows, fields with commas, quotes or line breaks
/// quoted, quotes doubled), UTF-8 with a byte-order mark so that spreadsheet programs read Japanese and Italian names.
/// </summary>
public sealed class CsvColumns<T>
{
    private readonly List<(string Header, Func<T, object?> Value)> _columns = [];

    public CsvColumns<T> Add(string header, Func<T, object?> value)
    {
        _columns.Add((header, value));
        return this;
    }

    public IReadOnlyList<string> Headers => [.. _columns.Select(c => c.Header)];

    public byte[] Write(IEnumerable<T> rows)
    {
        using var stream = new MemoryStream();
        using (var csv = CsvWriter.Create(stream, new CsvWriterOptions { WriteByteOrderMark = true }, leaveOpen: true))
        {
            foreach (var column in _columns) csv.WriteField(column.Header);
            csv.EndRecord();
            foreach (var row in rows)
            {
                foreach (var column in _columns) csv.WriteField(Text(column.Value(row)));
                csv.EndRecord();
            }

            csv.Flush();
        }

        return stream.ToArray();
    }

    private static string Text(object? value) => value switch
    {
        null => "",
        string s => s,
        IEnumerable<string> list => string.Join("; ", list),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };
}
