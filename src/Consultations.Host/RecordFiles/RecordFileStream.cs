using System.Buffers;
using System.Globalization;
using System.Text.Json;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlScalar = YamlDotNet.Core.Events.Scalar;

namespace Consultations.Host.RecordFiles;

public static partial class RecordFile
{
    /// <summary>
    /// The fast reading of a plain file (ADR 0062): YamlDotNet's parser events are written straight into each step's JSON,
    /// typed as <see cref="ToJson"/> types them, with no node tree and no JSON tree in between. It reads only what it is
    /// sure of: anything else (an alias, a duplicate key, a top-level key other than format and steps, a step not shaped
    /// as a one-key mapping, a command it does not know, a step its command refuses, YAML it cannot parse) answers null,
    /// and <see cref="Parse"/> reads the file again through the node tree, which names the fault exactly as it always has.
    /// </summary>
    public static IReadOnlyList<RecordStep>? ReadPlain(string text)
    {
        List<(int Line, CatalogEntry Entry, byte[] Json)> steps;
        try
        {
            steps = PlainSteps(new Parser(new StringReader(text)));
        }
        catch (Exception e) when (e is NotPlain or YamlException)
        {
            return null;
        }

        var result = new RecordStep[steps.Count];
        var refused = 0;
        Parallel.For(0, steps.Count, i =>
        {
            var (line, entry, json) = steps[i];
            try
            {
                result[i] = new RecordStep(i + 1, line, entry, CommandBody.Read(json, entry.CommandType, JsonConventions.Options));
            }
            catch (Exception)
            {
                Interlocked.Increment(ref refused);
            }
        });
        return refused == 0 ? result : null;
    }

    private sealed class NotPlain : Exception;

    private static List<(int Line, CatalogEntry Entry, byte[] Json)> PlainSteps(IParser parser)
    {
        parser.Consume<StreamStart>();
        parser.Consume<DocumentStart>();
        Plain(parser.Consume<MappingStart>());
        var steps = new List<(int, CatalogEntry, byte[])>();
        var keys = new HashSet<string>(StringComparer.Ordinal);
        var buffer = new ArrayBufferWriter<byte>(4096);
        using var writer = new Utf8JsonWriter(buffer);
        while (!parser.TryConsume<MappingEnd>(out _))
        {
            var key = Key(parser, keys);
            if (key == "format")
            {
                if (parser.Consume<YamlScalar>() is not { Value: Format } format || !Plain(format)) throw new NotPlain();
            }
            else if (key == "steps")
            {
                Plain(parser.Consume<SequenceStart>());
                while (!parser.TryConsume<SequenceEnd>(out _))
                {
                    var step = parser.Consume<MappingStart>();
                    Plain(step);
                    var name = Key(parser, []);
                    var entry = CommandCatalog.Find(name) ?? throw new NotPlain();
                    if (parser.Current is not MappingStart) throw new NotPlain();
                    buffer.ResetWrittenCount();
                    writer.Reset(buffer);
                    Value(parser, writer);
                    writer.Flush();
                    parser.Consume<MappingEnd>();
                    steps.Add(((int)step.Start.Line, entry, buffer.WrittenSpan.ToArray()));
                }
            }
            else
            {
                throw new NotPlain();
            }
        }

        if (!keys.Contains("format") || !keys.Contains("steps")) throw new NotPlain();
        parser.Consume<DocumentEnd>();
        parser.Consume<StreamEnd>();
        return steps;
    }

    private static string Key(IParser parser, HashSet<string> seen)
    {
        if (!parser.TryConsume<YamlScalar>(out var key) || !Plain(key) || key.Value is null || !seen.Add(key.Value)) throw new NotPlain();
        return key.Value;
    }

    // An anchor or a tag is left to the node tree (an alias would need the anchored node; a tag is rare enough not to matter).
    private static bool Plain(NodeEvent node) => node.Anchor.IsEmpty && node.Tag.IsEmpty ? true : throw new NotPlain();

    // The same typing as ToJson: plain integers and booleans are numbers and booleans, ~/null/empty is null, the rest text.
    private static void Value(IParser parser, Utf8JsonWriter writer)
    {
        switch (parser.Current)
        {
            case MappingStart map:
                Plain(map);
                parser.MoveNext();
                writer.WriteStartObject();
                var seen = new HashSet<string>(StringComparer.Ordinal);
                while (!parser.TryConsume<MappingEnd>(out _))
                {
                    writer.WritePropertyName(Key(parser, seen));
                    Value(parser, writer);
                }

                writer.WriteEndObject();
                break;
            case SequenceStart list:
                Plain(list);
                parser.MoveNext();
                writer.WriteStartArray();
                while (!parser.TryConsume<SequenceEnd>(out _)) Value(parser, writer);
                writer.WriteEndArray();
                break;
            case YamlScalar scalar:
                Plain(scalar);
                parser.MoveNext();
                if (scalar.Style != ScalarStyle.Plain) writer.WriteStringValue(scalar.Value);
                else if (scalar.Value is "~" or "null" or "") writer.WriteNullValue();
                else if (scalar.Value is "true" or "false") writer.WriteBooleanValue(scalar.Value == "true");
                else if (Integer().IsMatch(scalar.Value) && long.TryParse(scalar.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n)) writer.WriteNumberValue(n);
                else writer.WriteStringValue(scalar.Value);
                break;
            default:
                throw new NotPlain();
        }
    }
}
