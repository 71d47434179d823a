using System.Text.Json;
using Consultations.Host.Infrastructure;
using Consultations.Host.RecordFiles;

namespace Consultations.Tests.RecordFiles;

/// <summary>
/// A plain file is read from the parser's events, any other through the node tree (ADR 0062): both readings of the same
/// steps give the same commands, on the same lines.
/// </summary>
public class RecordFileReadingTests
{
    private static string Commands(IReadOnlyList<RecordStep> steps) =>
        string.Join('\n', steps.Select(s => $"{s.Number} {s.Line} {s.Entry.Name} {JsonSerializer.Serialize(s.Command, s.Entry.CommandType, JsonConventions.Options)}"));

    [Fact]
    public void The_bundled_record_read_from_the_parser_events_and_through_the_node_tree_gives_the_same_commands()
    {
        var text = File.ReadAllText(RecordImporter.BundledRecordPath);
        Assert.Contains("format: consultations-record/1", text);
        // An anchor is not read from the events: the file anchored so goes through the node tree, every line where it was.
        var anchored = text.Replace("format: consultations-record/1", "format: &f consultations-record/1", StringComparison.Ordinal);

        var plain = RecordFile.ReadPlain(text);
        Assert.NotNull(plain);
        Assert.Null(RecordFile.ReadPlain(anchored));
        var tree = RecordFile.Parse(anchored, "anchored.yaml");

        Assert.Equal(62, plain.Count);
        Assert.Equal(Commands(tree), Commands(plain));
    }

    [Fact]
    public void A_plain_number_and_quoted_text_are_typed_alike_by_both_readings()
    {
        const string steps = """
            steps:
              - define-field:
                  fieldCode: TST-01
                  dialogueId: test-dialogue
                  number: 7
                  title: "007"
                  scope: 'true'
                  effectiveOn: 2026-01-16
            """;
        var plain = RecordFile.ReadPlain("format: consultations-record/1\n" + steps)!;
        Assert.NotNull(plain);
        var tree = RecordFile.Parse("format: &f consultations-record/1\n" + steps, "anchored.yaml");
        Assert.Equal(Commands(tree), Commands(plain));
        Assert.Contains("\"number\":7", Commands(plain));
        Assert.Contains("\"title\":\"007\"", Commands(plain));
        Assert.Contains("\"scope\":\"true\"", Commands(plain));
    }
}
