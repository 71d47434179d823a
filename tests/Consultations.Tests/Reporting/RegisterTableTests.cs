using Npgsql;

namespace Consultations.Tests.Reporting;

/// <summary>The commitment register as a plain SQL table, read the way psql or a BI tool would (Npgsql, no Marten).</summary>
public class RegisterTableTests(AppFixture fixture) : ReportingContext(fixture)
{
    private async Task<List<Dictionary<string, object?>>> QueryAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(await PostgresServer.ConnectionStringAsync());
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql.Replace("{schema}", Fixture.Schema, StringComparison.Ordinal), connection);
        await using var reader = await command.ExecuteReaderAsync();
        var rows = new List<Dictionary<string, object?>>();
        while (await reader.ReadAsync())
            rows.Add(Enumerable.Range(0, reader.FieldCount).ToDictionary(reader.GetName, i => reader.IsDBNull(i) ? null : reader.GetValue(i)));
        return rows;
    }

    [Fact]
    public async Task Psql_reads_one_readable_row_per_commitment()
    {
        await SeedAndCatchUpAsync();

        // The README's query.
        var rows = await QueryAsync("""
            select commitment_id, field_code, status, status_since, current_date - status_since_date as days_in_status,
                   agreed_on, in_progress_on, fulfilled_on, source_kind, source_id, source_part, parties, agencies
            from {schema}.commitment_register
            order by field_code, commitment_id
            """);

        Assert.Equal(23, rows.Count);
        var solarC = rows.Single(r => (string)r["commitment_id"]! == "jpit-06-solar-c");
        Assert.Equal("JPIT-06", solarC["field_code"]);
        Assert.Equal("in-progress", solarC["status"]);
        Assert.Equal("2026-06-15", solarC["status_since"]);
        Assert.Equal("2026-06-15", solarC["in_progress_on"]);
        Assert.Null(solarC["fulfilled_on"]);
        Assert.Equal("clause", solarC["source_kind"]);
        Assert.Equal("Japan; Italy", solarC["parties"]);
        Assert.Equal(DateOnly.FromDateTime(DateTime.Now).DayNumber - new DateOnly(2026, 6, 15).DayNumber, (int)solarC["days_in_status"]!);
        var byStatus = await QueryAsync("select status, count(*)::int as n from {schema}.commitment_register group by status order by status");
        Assert.Equal([("agreed", 21), ("in-progress", 2)], byStatus.Select(r => ((string)r["status"]!, (int)r["n"]!)));
    }

    [Fact]
    public async Task The_table_and_the_report_keep_the_fora_and_agreements_apart_from_programmes()
    {
        await SeedAndCatchUpAsync();

        var rows = (await QueryAsync("select commitment_id, fora, agreements, programmes from {schema}.commitment_register"))
            .ToDictionary(r => (string)r["commitment_id"]!);
        Assert.Equal("COPUOS; UNISPACE IV", rows["jpit-02-guidelines-standards"]["fora"]);
        Assert.Equal("Artemis Accords", rows["jpit-04-lunar-exploration"]["agreements"]);
        Assert.Equal("", rows["jpit-04-lunar-exploration"]["fora"]);

        var report = await FetchAsync("/api/reports/commitment-register");
        Assert.True(report.Status == 200, $"{report.Status}");
        var register = report.Json.AsArray();
        var lunar = register.Single(r => r!["id"]!.GetValue<string>() == "jpit-04-lunar-exploration")!;
        Assert.Equal(["Artemis Accords"], lunar["agreements"]!.AsArray().Select(a => a!.GetValue<string>()));
        var guidelines = register.Single(r => r!["id"]!.GetValue<string>() == "jpit-02-guidelines-standards")!;
        Assert.Equal(["COPUOS", "UNISPACE IV"], guidelines["fora"]!.AsArray().Select(a => a!.GetValue<string>()));
    }

    [Fact]
    public async Task The_table_follows_status_changes_amendments_and_corrections_of_dates()
    {
        await SeedAndCatchUpAsync();
        await SendAsync("/api/commitments/jpit-08-collision-avoidance/status", new { to = "in-progress", effectiveOn = "2026-08-01", reason = "Started." });
        await SendAsync("/api/commitments/jpit-08-collision-avoidance/status", new { to = "fulfilled", effectiveOn = "2026-10-01", reason = "Done." });
        await SendAsync("/api/commitments/jpit-06-solar-physics/amendments", new { text = "Deepen solar physics, with Hinode data.", effectiveOn = "2026-09-01", reason = "Clarified." });
        await CaughtUpAsync();

        var rows = await QueryAsync("""
            select commitment_id, status, status_since, agreed_on, in_progress_on, fulfilled_on, amendments, commitment_text, last_sequence
            from {schema}.commitment_register where field_code in ('JPIT-06', 'JPIT-08') order by commitment_id
            """);

        var collision = rows.Single(r => (string)r["commitment_id"]! == "jpit-08-collision-avoidance");
        Assert.Equal(("fulfilled", "2026-10-01", "2026-06-15", "2026-08-01", "2026-10-01"),
            ((string)collision["status"]!, (string)collision["status_since"]!, (string)collision["agreed_on"]!, (string)collision["in_progress_on"]!, (string)collision["fulfilled_on"]!));
        var physics = rows.Single(r => (string)r["commitment_id"]! == "jpit-06-solar-physics");
        Assert.Equal(1, physics["amendments"]);
        Assert.Equal("Deepen solar physics, with Hinode data.", physics["commitment_text"]);
        Assert.True((long)physics["last_sequence"]! > (long)rows.Single(r => (string)r["commitment_id"]! == "jpit-06-solar-c")["last_sequence"]!);
    }
}
