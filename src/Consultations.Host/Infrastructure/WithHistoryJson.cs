using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Consultations.Host.Infrastructure;

/// <summary>Writes a <see cref="WithHistory{T}"/> as the record's own members followed by <c>version</c> and <c>history</c>.</summary>
public sealed class WithHistoryConverterFactory : JsonConverterFactory
{
    public override bool CanConvert(Type typeToConvert) =>
        typeToConvert.IsGenericType && typeToConvert.GetGenericTypeDefinition() == typeof(WithHistory<>);

    public override JsonConverter CreateConverter(Type typeToConvert, JsonSerializerOptions options) =>
        (JsonConverter)Activator.CreateInstance(typeof(Converter<>).MakeGenericType(typeToConvert.GetGenericArguments()[0]))!;

    private sealed class Converter<T> : JsonConverter<WithHistory<T>>
    {
        public override WithHistory<T> Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
        {
            var node = JsonNode.Parse(ref reader)!.AsObject();
            var version = node["version"]?.GetValue<long>() ?? 0;
            var history = node["history"]?.Deserialize<IReadOnlyList<HistoryEntry>>(options) ?? [];
            return new WithHistory<T>(node.Deserialize<T>(options)!, version, history);
        }

        public override void Write(Utf8JsonWriter writer, WithHistory<T> value, JsonSerializerOptions options)
        {
            var node = JsonSerializer.SerializeToNode(value.Record, options)!.AsObject();
            node[options.PropertyNamingPolicy?.ConvertName("Version") ?? "Version"] = value.Version;
            node[options.PropertyNamingPolicy?.ConvertName("History") ?? "History"] = JsonSerializer.SerializeToNode(value.History, options);
            node.WriteTo(writer, options);
        }
    }
}
