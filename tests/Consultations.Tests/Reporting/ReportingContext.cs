using System.Text;
using CsvHelper;
using Consultations.Projections.Register;
using Consultations.Projections.Search;
using Marten.Events;
using Npgsql;

namespace Consultations.Tests.Reporting;

/// <summary>
/// Reporting tests read async projections: the record is reset with the daemon paused (see <see cref="IntegrationContext"/>),
/// and every read of a reporting view first waits for the daemon, never sleeps.
/// </summary>
public abstract class ReportingContext(AppFixture fixture) : WriteEndpointContext(fixture)
{
    protected Task CaughtUpAsync() => Host.WaitForNonStaleProjectionDataAsync(TimeSpan.FromSeconds(60));

    protected async Task SeedAndCatchUpAsync()
    {
        await SeedAsync();
        await CaughtUpAsync();
    }

    protected sealed record Fetched(int Status, string? ContentType, IReadOnlyDictionary<string, string> Headers, byte[] Bytes)
    {
        public string Text => Encoding.UTF8.GetString(Bytes);

        public JsonNode Json => JsonNode.Parse(Text)!;

        public string Header(string name) => Headers.TryGetValue(name, out var v) ? v : "";
    }

    protected async Task<Fetched> FetchAsync(string url, string? accept = null)
    {
        var result = await Host.Scenario(x =>
        {
            x.Get.Url(url);
            if (accept is not null) x.WithRequestHeader("Accept", accept);
            x.IgnoreStatusCode();
        });
        using var buffer = new MemoryStream();
        await result.Context.Response.Body.CopyToAsync(buffer);
        var headers = result.Context.Response.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
        return new Fetched(result.Context.Response.StatusCode, result.Context.Response.ContentType, headers, buffer.ToArray());
    }

    /// <summary>Parses CSV back with CsvHelper: the header and each record as a dictionary by column name.</summary>
    protected static (IReadOnlyList<string> Header, List<Dictionary<string, string>> Rows) ParseCsv(byte[] bytes)
    {
        using var reader = CsvReader.Create(bytes, new CsvReaderOptions());
        var rows = new List<Dictionary<string, string>>();
        IReadOnlyList<string>? header = null;
        while (reader.Read())
        {
            header ??= [.. reader.Headers];
            rows.Add(header.Select((h, i) => (h, i)).ToDictionary(c => c.h, c => reader.GetString(c.i)));
        }

        header ??= [.. reader.Headers];
        return (header, rows);
    }
}
