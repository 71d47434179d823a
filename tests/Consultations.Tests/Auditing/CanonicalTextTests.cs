using System.Globalization;
using Consultations.Host.Auditing.Ledger;
using Microsoft.Extensions.Configuration;
using Npgsql;

namespace Consultations.Tests.Auditing;

/// <summary>
/// Verification renders each event's canonical text in C# from its columns read raw (ADR 0042); the trigger renders it in
/// SQL. They must be the same bytes for every event kind and every shape of metadata, or a clean record would be rechecked
/// row by row (or, without the recheck, reported altered).
/// </summary>
public class CanonicalTextTests(AppFixture fixture) : AuditingContext(fixture)
{
    private string Events => $"\"{Schema}\".mt_events";

    // jsonb bodies PostgreSQL renders in its own way: key order by length, numbers as numeric, escapes, unicode.
    private static readonly string[] Bodies =
    [
        """{"b": 1, "a": 2, "aa": {"z": [], "y": {}}, "Text": "plain"}""",
        """{"Big": 123456789012345678901234567890.123456789, "Tiny": 0.0000000001, "Exp": 1E+2, "Neg": -0.0, "Max": 1e308, "Scale": 1.50}""",
        """{"Quote": "she said \"no\"", "Slash": "a\\b/c", "Control": "tab\tline\nbell\u0007", "Sep": "\u2028\u2029"}""",
        """{"Unicode": "Ω café 東京 — 𝔘𝔫𝔦𝔠𝔬𝔡𝔢 👩‍🚀", "Combining": "e\u0301", "Empty": "", "Null": null, "True": true, "False": false}""",
        """[1, "two", [3, [4, {"five": 5}]], null]""",
        "\"just a string\"",
        "42",
        "{}",
    ];

    private static readonly string?[] Headers = [null, """{"x-source": "import", "nested": {"n": 1.0, "list": [true, null]}, "ü": "ß"}""", "{}"];

    private static readonly string?[] Texts = [null, "", "Rossi, Giulia", "山田 太郎", "o'Brien \"quoted\" 𝔘"];

    [Fact]
    public async Task Canonical_text_rendered_in_csharp_is_the_triggers_byte_for_byte_for_every_kind_and_shape()
    {
        await SeedAsync();
        await InsertShapesAsync();

        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            $"""
             select e.seq_id, e.stream_id, e.version, e.type, convert_to({LedgerHash.CanonicalSql("e", "s.type")}, 'UTF8'), c.previous_hash, c.hash,
                    {CanonicalText.Columns("true")}
             from {Events} e
             left join "{Schema}".mt_streams s on s.id = e.stream_id
             left join "{Schema}".{CommitHashes.TableName} c on c.seq_id = e.seq_id
             order by e.seq_id
             """, connection);
        await using var reader = await command.ExecuteReaderAsync();
        var canonical = new CanonicalText();
        var (rows, types) = (0, new HashSet<string>());
        while (await reader.ReadAsync())
        {
            var (seq, type) = (reader.GetInt64(0), reader.GetString(3));
            var database = reader.GetFieldValue<byte[]>(4);
            var (previous, hash) = (reader.GetString(5), reader.GetString(6));
            canonical.Render(reader, 7, seq, reader.IsDBNull(1) ? null : reader.GetString(1), reader.GetInt64(2), type);
            Assert.True(database.AsSpan().SequenceEqual(canonical.Bytes),
                $"Event {seq} ({type}): C# rendered {System.Text.Encoding.UTF8.GetString(canonical.Bytes)}, PostgreSQL {System.Text.Encoding.UTF8.GetString(database)}");
            Assert.True(canonical.Matches(previous, hash), $"Event {seq} ({type}): the hash fixed at commit is not SHA-256 of the previous hash and the text rendered in C#.");
            rows++;
            types.Add(type);
        }

        var known = Store.Options.Events.AllKnownEventTypes().Select(t => t.EventTypeName).ToHashSet();
        Assert.Empty(known.Except(types));
        Assert.True(rows >= known.Count + Bodies.Length * Headers.Length, $"only {rows} rows");

        var ledger = Ledger;
        await SealedAsync();
        var report = await ledger.VerifyAsync([], null, CancellationToken.None);
        Assert.Equal(0, ledger.RenderedByDatabase);
        Assert.DoesNotContain(report.Breaks, b => b.Problem.Contains("no longer matches the hash fixed", StringComparison.Ordinal));
    }

    [Fact]
    public async Task A_value_the_csharp_rendering_does_not_know_is_rendered_by_the_database_and_is_no_break()
    {
        await SeedAsync();
        await SealedAsync();
        // An infinite timestamp: .NET has no such DateTime, PostgreSQL renders it. The daemon (which cannot read it either)
        // is paused while it is on file.
        var coordinator = Host.Services.GetRequiredService<Marten.Events.Daemon.Coordination.IProjectionCoordinator>();
        await coordinator.PauseAsync();
        try
        {
            await SqlAsync($"""
                insert into "{Schema}".mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) values ('shapes-infinite', null, 1, now(), now(), '*DEFAULT*', false);
                insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived)
                values (nextval('"{Schema}".mt_events_sequence'), gen_random_uuid(), 'shapes-infinite', 1, '{"{}"}', 'commitment_recorded', 'infinity', '*DEFAULT*', null, false);
                """);
            var ledger = new EventLedger(Store, new ConfigurationBuilder()
                .AddInMemoryCollection(new Dictionary<string, string?> { ["Consultations:Ledger:WaitSeconds"] = "0" }).Build());

            var report = await ledger.VerifyAsync([], null, CancellationToken.None);

            Assert.True(report.Intact, report.Problem);
            Assert.Equal(1, report.Unsealed);
            Assert.Equal(1, ledger.RenderedByDatabase);
        }
        finally
        {
            await SqlAsync($"""delete from {Events} where stream_id = 'shapes-infinite'; delete from "{Schema}".mt_streams where id = 'shapes-infinite';""");
            await coordinator.ResumeAsync();
        }
    }

    /// <summary>
    /// One event of every registered kind with each body, header and metadata shape, inserted by SQL as anyone could (the
    /// trigger hashes them), in streams with and without a type.
    /// </summary>
    private async Task InsertShapesAsync()
    {
        var kinds = Store.Options.Events.AllKnownEventTypes().Select(t => (t.EventTypeName, t.DotNetTypeName)).OrderBy(t => t.EventTypeName).ToList();
        var sql = new System.Text.StringBuilder();
        sql.Append(CultureInfo.InvariantCulture, $"""
            insert into "{Schema}".mt_streams (id, type, version, timestamp, created, tenant_id, is_archived) values
              ('shapes-typed', 'Consultations.Shapes 東京', 0, now(), now(), '*DEFAULT*', false),
              ('shapes-untyped', null, 0, now(), now(), '*DEFAULT*', false);
            """);
        var n = 0;
        string Literal(string? value) => value is null ? "null" : $"'{value.Replace("'", "''", StringComparison.Ordinal)}'";
        foreach (var (kind, dotnet) in kinds)
        {
            foreach (var body in Bodies)
            {
                var headers = Headers[n % Headers.Length];
                var text = Texts[n % Texts.Length];
                var stream = n % 2 == 0 ? "shapes-typed" : "shapes-untyped";
                var timestamp = (n % 4) switch
                {
                    0 => "now()",
                    1 => "'2026-03-01 23:59:59.999999+09'",
                    2 => "'0099-01-01 00:00:00Z'",
                    _ => "'1970-01-01 00:00:00.000001Z'",
                };
                n++;
                sql.Append(CultureInfo.InvariantCulture, $"""
                    insert into {Events} (seq_id, id, stream_id, version, data, type, timestamp, tenant_id, mt_dotnet_type, is_archived, headers, correlation_id, causation_id, user_name)
                    values (nextval('"{Schema}".mt_events_sequence'), gen_random_uuid(), '{stream}',
                            (select coalesce(max(version), 0) + 1 from {Events} where stream_id = '{stream}'),
                            {Literal(body)}::jsonb, {Literal(kind)}, {timestamp}, '{(n % 5 == 0 ? "tenant-ü" : "*DEFAULT*")}',
                            {(n % 3 == 0 ? "null" : Literal(dotnet))}, {(n % 7 == 0 ? "true" : "false")}, {(headers is null ? "null" : Literal(headers) + "::jsonb")},
                            {Literal(text)}, {Literal(Texts[(n + 1) % Texts.Length])}, {Literal(Texts[(n + 2) % Texts.Length])});

                    """);
            }
        }

        sql.Append(CultureInfo.InvariantCulture, $"""
            update "{Schema}".mt_streams s set version = (select max(version) from {Events} e where e.stream_id = s.id) where s.id like 'shapes-%';
            """);
        await SqlAsync(sql.ToString());
    }
}
