using DocumentFormat.OpenXml;
using DocumentFormat.OpenXml.Packaging;
using DocumentFormat.OpenXml.Wordprocessing;
using Document = DocumentFormat.OpenXml.Wordprocessing.Document;

namespace Consultations.Host.Reports;

/// <summary>The status report's <see cref="Outline"/> as a Word document (.docx): headings, paragraphs, lists and tables, A4, with the charts' tables.</summary>
public static class ReportWord
{
    public const string MediaType = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static byte[] Docx(StatusReport report)
    {
        var o = ReportOutline.Of(report);
        using var stream = new MemoryStream();
        using (var doc = WordprocessingDocument.Create(stream, WordprocessingDocumentType.Document))
        {
            doc.PackageProperties.Title = $"Status report — {o.Running}";
            var main = doc.AddMainDocumentPart();
            var body = new Body();
            body.Append(Text(o.Title, size: 36, bold: true));
            body.Append(Text(o.Subtitle));
            body.Append(Text(o.Freshness, italic: true));
            var first = true;
            foreach (var section in o.Sections)
            {
                // A section starts a page, as printed.
                body.Append(Text(section.Title, size: 28, bold: true, pageBreakBefore: !first));
                first = false;
                foreach (var block in section.Blocks)
                {
                    switch (block)
                    {
                        case Paragraph p: body.Append(Text(p.Text, italic: p.Muted)); break;
                        case SubHeading h: body.Append(Text(h.Text, size: 24, bold: true)); break;
                        case Bullets b:
                            foreach (var item in b.Items) body.Append(Text("• " + item));
                            break;
                        case Grid g: body.Append(Table(g)); body.Append(Text("")); break;
                    }
                }
            }

            body.Append(Text(o.Footer, italic: true));
            body.Append(new SectionProperties(
                new PageSize { Width = 11906, Height = 16838 },
                new PageMargin { Top = 1020, Bottom = 907, Left = 794, Right = 794, Header = 567, Footer = 567 }));
            main.Document = new Document(body);
            main.Document.Save();
        }

        return stream.ToArray();
    }

    private static DocumentFormat.OpenXml.Wordprocessing.Paragraph Text(string text, int? size = null, bool bold = false, bool italic = false, bool pageBreakBefore = false)
    {
        var runProperties = new RunProperties();
        if (bold) runProperties.Append(new Bold());
        if (italic) runProperties.Append(new Italic());
        if (size is { } s) runProperties.Append(new FontSize { Val = s.ToString(System.Globalization.CultureInfo.InvariantCulture) });
        var paragraph = new DocumentFormat.OpenXml.Wordprocessing.Paragraph();
        if (pageBreakBefore || bold) paragraph.Append(new ParagraphProperties(pageBreakBefore ? new PageBreakBefore() : new KeepNext()));
        paragraph.Append(new Run(runProperties, new Text(text) { Space = SpaceProcessingModeValues.Preserve }));
        return paragraph;
    }

    private static Table Table(Grid g)
    {
        var table = new Table(new TableProperties(
            new TableWidth { Type = TableWidthUnitValues.Pct, Width = "5000" },
            new TableBorders(
                new TopBorder { Val = BorderValues.Single, Size = 4 }, new BottomBorder { Val = BorderValues.Single, Size = 4 },
                new InsideHorizontalBorder { Val = BorderValues.Single, Size = 4 })));
        table.Append(Row(g.Headers, header: true));
        foreach (var row in g.Rows) table.Append(Row(row, header: false));
        return table;
    }

    private static TableRow Row(IEnumerable<string> cells, bool header)
    {
        var row = new TableRow();
        if (header) row.Append(new TableRowProperties(new TableHeader()));
        foreach (var cell in cells)
            row.Append(new TableCell(new DocumentFormat.OpenXml.Wordprocessing.Paragraph(
                new Run(header ? new RunProperties(new Bold(), new FontSize { Val = "18" }) : new RunProperties(new FontSize { Val = "18" }),
                    new Text(cell) { Space = SpaceProcessingModeValues.Preserve }))));
        return row;
    }
}
