using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>One event as mt_events stores it, with the columns the ledger seals.</summary>
public sealed record StoredEvent(long Sequence, string Stream, long Version, string Type, string Data, DateTime RecordedAt, string? User);

/// <summary>
/// The ledger's hash: SHA-256 over a canonical JSON array of the event's sequence, stream, version, type name,
/// data (re-serialised with sorted keys, since jsonb keeps no key order of its own), effective date, recorded
/// time (UTC, microseconds), user, and the previous event's hash.
/// </summary>
public static class LedgerHash
{
    /// <summary>The "previous hash" of the first event.</summary>
    public static readonly string Genesis = new('0', 64);

    public static string Of(StoredEvent e, string previous)
    {
        using var data = JsonDocument.Parse(e.Data);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer))
        {
            writer.WriteStartArray();
            writer.WriteNumberValue(e.Sequence);
            writer.WriteStringValue(e.Stream);
            writer.WriteNumberValue(e.Version);
            writer.WriteStringValue(e.Type);
            WriteCanonical(writer, data.RootElement);
            if (data.RootElement.ValueKind == JsonValueKind.Object && data.RootElement.TryGetProperty("EffectiveOn", out var on) && on.ValueKind == JsonValueKind.String)
                writer.WriteStringValue(on.GetString());
            else
                writer.WriteNullValue();
            writer.WriteStringValue(DateTime.SpecifyKind(e.RecordedAt, DateTimeKind.Utc).ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture));
            if (e.User is null) writer.WriteNullValue();
            else writer.WriteStringValue(e.User);
            writer.WriteStringValue(previous);
            writer.WriteEndArray();
        }

        return Convert.ToHexString(SHA256.HashData(buffer.ToArray())).ToLowerInvariant();
    }

    public static string Canonical(string json)
    {
        using var document = JsonDocument.Parse(json);
        var buffer = new MemoryStream();
        using (var writer = new Utf8JsonWriter(buffer)) WriteCanonical(writer, document.RootElement);
        return Encoding.UTF8.GetString(buffer.ToArray());
    }

    private static void WriteCanonical(Utf8JsonWriter writer, JsonElement element)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
                writer.WriteStartObject();
                foreach (var property in element.EnumerateObject().OrderBy(p => p.Name, StringComparer.Ordinal))
                {
                    writer.WritePropertyName(property.Name);
                    WriteCanonical(writer, property.Value);
                }

                writer.WriteEndObject();
                break;
            case JsonValueKind.Array:
                writer.WriteStartArray();
                foreach (var item in element.EnumerateArray()) WriteCanonical(writer, item);
                writer.WriteEndArray();
                break;
            default:
                element.WriteTo(writer);
                break;
        }
    }
}
