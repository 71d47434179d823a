using System.Security.Cryptography;
using System.Text.Json;
using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>One event as mt_events stores it, with the columns the ledger seals.</summary>
public sealed record StoredEvent(long Sequence, string Stream, long Version, string Type, string Data, DateTime RecordedAt, string? User)
{
    /// <summary>The events stored after position <paramref name="after"/> up to <paramref name="upTo"/>, in sequence order.</summary>
    public static async Task<List<StoredEvent>> ReadAsync(NpgsqlConnection connection, string schema, long after, long upTo, int limit, CancellationToken ct)
    {
        await using var command = new NpgsqlCommand(
            $"""
             select seq_id, stream_id, version, type, data::text, timestamp, user_name
             from "{schema}".mt_events where seq_id > @after and seq_id <= @upTo order by seq_id limit @limit
             """, connection);
        command.Parameters.AddWithValue("after", after);
        command.Parameters.AddWithValue("upTo", upTo);
        command.Parameters.AddWithValue("limit", limit);
        await using var reader = await command.ExecuteReaderAsync(ct);
        var events = new List<StoredEvent>();
        while (await reader.ReadAsync(ct))
            events.Add(new StoredEvent(reader.GetInt64(0), reader.GetString(1), reader.GetInt64(2), reader.GetString(3), reader.GetString(4),
                reader.GetFieldValue<DateTime>(5), reader.IsDBNull(6) ? null : reader.GetString(6)));
        return events;
    }
}

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
