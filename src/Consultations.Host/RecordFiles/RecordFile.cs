using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using YamlDotNet.Core;
using YamlDotNet.RepresentationModel;

namespace Consultations.Host.RecordFiles;

/// <summary>One step of a record file: a command, and the line it starts on.</summary>
public sealed record RecordStep(int Number, int Line, CatalogEntry Entry, object Command);

/// <summary>
/// Why a record file was refused: the line and, where known, the step and the field at fault, the field's value next to
/// its key (<c>bad.yaml:19: step 4 (define-field): number: 'two' must be a whole number.</c>).
/// </summary>
public sealed class RecordFileError(string file, int line, string? field, string message, string? step = null, string? value = null)
    : Exception(TextRules.Escaped($"{file}:{line}: {(step is null ? "" : step + ": ")}{(field is null ? "" : field + ": ")}{(value is null ? "" : $"'{value}' ")}{message}"))
{
    public string File { get; } = file;
    public int Line { get; } = line;
    public string? Field { get; } = field;
}

/// <summary>
/// Reads a record file (format <c>consultations-record/1</c>, YAML): a list of steps, each a one-key mapping from a
/// command name to the command's fields, spelt as in the HTTP API. Every step is read and checked for shape before
/// anything is stored, so a malformed file is refused whole.
/// </summary>
public static partial class RecordFile
{
    public const string Format = "consultations-record/1";

    [GeneratedRegex("^-?[0-9]+$")]
    private static partial Regex Integer();

    public static IReadOnlyList<RecordStep> Parse(string text, string fileName)
    {
        // Most files are plain and valid: read straight from the parser's events. Any other file, a faulty one included,
        // is read through the node tree, which names its fault (ADR 0062).
        if (ReadPlain(text) is { } plain) return plain;
        var yaml = new YamlStream();
        try
        {
            yaml.Load(new StringReader(text));
        }
        catch (YamlException e)
        {
            throw new RecordFileError(fileName, (int)e.Start.Line, null, $"not valid YAML: {e.InnerException?.Message ?? e.Message}");
        }

        if (yaml.Documents.Count != 1 || yaml.Documents[0].RootNode is not YamlMappingNode root)
            throw new RecordFileError(fileName, 1, null, "a record file is one YAML mapping with 'format' and 'steps'.");

        var format = Child(root, "format") as YamlScalarNode;
        if (format?.Value != Format)
            throw new RecordFileError(fileName, Line(format ?? (YamlNode)root), "format", $"must be '{Format}'.");
        foreach (var key in root.Children.Keys.OfType<YamlScalarNode>().Where(k => k.Value is not ("format" or "steps")))
            throw new RecordFileError(fileName, Line(key), key.Value, "is not a known top-level key (format, steps).");

        if (Child(root, "steps") is not YamlSequenceNode steps)
            throw new RecordFileError(fileName, Line(root), "steps", "must be a list of steps.");

        // Steps are read in parallel (each is independent once the YAML is loaded); the fault reported is that of the
        // first faulty step, as if they had been read in order.
        var nodes = steps.Children;
        var result = new RecordStep[nodes.Count];
        var faults = new System.Runtime.ExceptionServices.ExceptionDispatchInfo?[nodes.Count];
        Parallel.For(0, nodes.Count, i =>
        {
            try
            {
                result[i] = Step(nodes[i], i + 1, fileName);
            }
            catch (Exception e)
            {
                faults[i] = System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(e);
            }
        });
        foreach (var fault in faults) fault?.Throw();
        return result;
    }

    private static RecordStep Step(YamlNode node, int number, string fileName)
    {
        if (node is not YamlMappingNode { Children.Count: 1 } step || step.Children.First().Key is not YamlScalarNode name)
            throw new RecordFileError(fileName, Line(node), null, $"step {number} must be a one-key mapping: command name to its fields.");
        var entry = CommandCatalog.Find(name.Value ?? "")
            ?? throw new RecordFileError(fileName, Line(name), null,
                $"step {number}: '{name.Value}' is not a command. Known: {string.Join(", ", CommandCatalog.Entries.Select(e => e.Name))}.");
        var body = step.Children.First().Value;
        if (body is not YamlMappingNode)
            throw new RecordFileError(fileName, Line(body), null, $"step {number} ({entry.Name}) needs a mapping of fields.");

        object command;
        try
        {
            command = CommandBody.Read(JsonSerializer.SerializeToElement(ToJson(body)), entry.CommandType, JsonConventions.Options);
        }
        catch (InvalidCommand invalid)
        {
            var (field, message) = invalid.Errors.First();
            var at = NodeOf(body, field);
            throw new RecordFileError(fileName, Line(at), field, string.Join(" ", message), $"step {number} ({entry.Name})", ValueAt(body, field));
        }

        return new RecordStep(number, Line(node), entry, command);
    }

    /// <summary>The line of the field named by a dotted path inside a step, or of the step itself.</summary>
    public static int LineOf(YamlNode body, string? field) => Line(NodeOf(body, field));

    /// <summary>The value written for a field (a scalar), to show next to its key; null for a missing field or a list or mapping.</summary>
    public static string? ValueAt(YamlNode body, string? field)
    {
        var at = NodeOf(body, field);
        return at is YamlScalarNode { Value: { } scalar } && at != body ? scalar : null;
    }

    private static YamlNode NodeOf(YamlNode body, string? field)
    {
        var node = body;
        foreach (var part in (field ?? "").Split('.', StringSplitOptions.RemoveEmptyEntries))
        {
            var name = part.Split('[')[0];
            if (node is YamlMappingNode map && Child(map, name) is { } child) node = child;
            else break;
        }

        return node;
    }

    private static int Line(YamlNode node) => (int)node.Start.Line;

    private static YamlNode? Child(YamlMappingNode map, string key) =>
        map.Children.FirstOrDefault(c => c.Key is YamlScalarNode s && s.Value == key).Value;

    // YAML scalars are typed the way a reader of the file would expect: plain integers and booleans are numbers and
    // booleans, ~/null is null, everything else (dates included) is a string.
    public static JsonNode? ToJson(YamlNode node) => node switch
    {
        YamlMappingNode map => new JsonObject(map.Children.Select(c =>
            KeyValuePair.Create(((YamlScalarNode)c.Key).Value ?? "", ToJson(c.Value)))),
        YamlSequenceNode list => new JsonArray([.. list.Children.Select(ToJson)]),
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is null or "~" or "null" or "" => null,
        YamlScalarNode { Style: ScalarStyle.Plain } s when s.Value is "true" or "false" => JsonValue.Create(s.Value == "true"),
        YamlScalarNode { Style: ScalarStyle.Plain } s when Integer().IsMatch(s.Value!) && long.TryParse(s.Value, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n) => JsonValue.Create(n),
        YamlScalarNode s => JsonValue.Create(s.Value),
        _ => null,
    };
}
