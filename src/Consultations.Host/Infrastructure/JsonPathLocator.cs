
using System.Text.Json;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Finds which member of a JSON document a reader failure points at, from the line and byte position that
/// System.Text.Json reports. Used when the failure's own message carries no path (missing required members of a
/// nested object, for example), so that the 400 can still name "plannedDates.from" rather than "from".
/// </summary>
public static class JsonPathLocator
{
    /// <summary>The path of the object or array that contains the given position, e.g. "plannedDates" or "delegations[1]".</summary>
    public static string ContainerAt(ReadOnlySpan<byte> json, long lineNumber, long bytePositionInLine)
    {
        var offset = Offset(json, lineNumber, bytePositionInLine);
        var frames = new List<Frame>();
        string? pendingName = null;
        var reader = new Utf8JsonReader(json, new JsonReaderOptions { CommentHandling = JsonCommentHandling.Skip, AllowTrailingCommas = true });
        try
        {
            while (reader.Read() && reader.BytesConsumed < offset)
            {
                switch (reader.TokenType)
                {
                    case JsonTokenType.PropertyName:
                        pendingName = reader.GetString();
                        break;
                    case JsonTokenType.StartObject or JsonTokenType.StartArray:
                        frames.Add(new Frame(Segment(frames, pendingName), reader.TokenType == JsonTokenType.StartArray));
                        pendingName = null;
                        break;
                    case JsonTokenType.EndObject or JsonTokenType.EndArray:
                        frames.RemoveAt(frames.Count - 1);
                        break;
                    default:
                        if (pendingName is null && frames.Count > 0 && frames[^1].IsArray) frames[^1].Index++;
                        pendingName = null;
                        break;
                }
            }
        }
        catch (JsonException)
        {
            // Malformed JSON: the path read so far is the best answer.
        }

        return string.Concat(frames.Skip(1).Select(f => f.Segment)).TrimStart('.');
    }

    private static string Segment(List<Frame> frames, string? name)
    {
        if (name is not null) return "." + name;
        if (frames.Count == 0 || !frames[^1].IsArray) return "";
        frames[^1].Index++;
        return $"[{frames[^1].Index}]";
    }

    private sealed class Frame(string segment, bool isArray)
    {
        public string Segment { get; } = segment;
        public bool IsArray { get; } = isArray;
        public int Index { get; set; } = -1;
    }

    private static long Offset(ReadOnlySpan<byte> json, long lineNumber, long bytePositionInLine)
    {
        long line = 0, i = 0;
        while (line < lineNumber && i < json.Length)
        {
            if (json[(int)i] == (byte)'\n') line++;
            i++;
        }

        return i + bytePositionInLine;
    }


}
