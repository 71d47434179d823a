namespace Consultations.Tests.Reading;

public class FieldReadTests(AppFixture fixture) : IntegrationContext(fixture)
{
    protected override bool SharesRecord => true;

    [Fact]
    public async Task Fields_list_the_ten_fields_of_the_joint_statement_in_order_with_its_headings()
    {
        var (status, body) = await GetAsync("/api/fields");

        Assert.Equal(200, status);
        var fields = body!.AsArray();
        Assert.Equal(JapanItalyRecord.FieldCodes, fields.Select(f => f!["code"]!.GetValue<string>()));
        Assert.Equal(JapanItalyRecord.FieldTitles, fields.Select(f => f!["title"]!.GetValue<string>()));
        Assert.Equal(Enumerable.Range(1, 10), fields.Select(f => f!["number"]!.GetValue<int>()));
        Assert.All(fields, f => Assert.Equal(JapanItalyRecord.DialogueId, f!["dialogueId"]!.GetValue<string>()));
    }

    [Fact]
    public async Task Each_field_counts_its_commitments_as_the_commitment_register_lists_them()
    {
        var (_, body) = await GetAsync("/api/fields");
        var total = 0;
        foreach (var field in body!.AsArray())
        {
            var code = field!["code"]!.GetValue<string>();
            var counts = field["commitments"]!;
            var (agreed, inProgress) = JapanItalyRecord.Commitments[code];

            var (listStatus, listed) = await GetAsync($"/api/commitments?field={code}");
            Assert.Equal(200, listStatus);
            var register = listed!.AsArray();
            Assert.True(counts["total"]!.GetValue<int>() > 0, $"{code} has no commitments");
            Assert.Equal(register.Count, counts["total"]!.GetValue<int>());
            Assert.All(register, c => Assert.Equal(code, c!["fieldCode"]!.GetValue<string>()));
            Assert.Equal(agreed, counts["agreed"]!.GetValue<int>());
            Assert.Equal(inProgress, counts["inProgress"]!.GetValue<int>());
            Assert.Equal(register.Count(c => c!["status"]!.GetValue<string>() == "agreed"), counts["agreed"]!.GetValue<int>());
            Assert.Equal(register.Count(c => c!["status"]!.GetValue<string>() == "in-progress"), counts["inProgress"]!.GetValue<int>());
            Assert.Equal(agreed + inProgress, counts["open"]!.GetValue<int>());
            Assert.Equal(0, counts["fulfilled"]!.GetValue<int>());
            total += register.Count;
        }

        Assert.Equal(JapanItalyRecord.CommitmentCount, total);
    }

    [Fact]
    public async Task Each_field_names_the_joint_statement_as_latest_statement_and_its_day_as_last_activity()
    {
        var (_, body) = await GetAsync("/api/fields");

        Assert.Equal(10, body!.AsArray().Count);
        foreach (var field in body.AsArray())
        {
            var statement = field!["latestStatement"]!;
            Assert.Equal(JapanItalyRecord.StatementId, statement["id"]!.GetValue<string>());
            Assert.Equal(JapanItalyRecord.StatementTitle, statement["title"]!.GetValue<string>());
            Assert.Equal("2026-06-15", statement["on"]!.GetValue<string>());
            Assert.Equal($"/api/statements/{JapanItalyRecord.StatementId}", statement["link"]!.GetValue<string>());
            Assert.Equal("2026-06-15", field["lastActivityOn"]!.GetValue<string>());
            Assert.Equal("rome-summit-2026-06-15", field["latestMeeting"]!["id"]!.GetValue<string>());
        }
    }

    [Fact]
    public async Task A_field_read_alone_lists_its_commitments()
    {
        var (status, field) = await GetAsync("/api/fields/JPIT-06");

        Assert.Equal(200, status);
        Assert.Equal("JPIT-06", field!["code"]!.GetValue<string>());
        Assert.Equal("Solar Activity and solar physics", field["title"]!.GetValue<string>());
        var list = field["commitmentList"]!.AsArray();
        Assert.Equal(["jpit-06-solar-c", "jpit-06-solar-physics"], list.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Equal(["in-progress", "agreed"], list.Select(c => c!["status"]!.GetValue<string>()));
        Assert.All(list, c => Assert.Equal("2026-06-15", c!["statusSince"]!.GetValue<string>()));
        Assert.StartsWith("Japan and Italy will deepen the collaboration", list[1]!["text"]!.GetValue<string>());
        Assert.Equal(2, field["commitments"]!["total"]!.GetValue<int>());
    }

    [Fact]
    public async Task Every_field_read_alone_lists_as_many_commitments_as_it_counts()
    {
        foreach (var code in JapanItalyRecord.FieldCodes)
        {
            var (status, field) = await GetAsync($"/api/fields/{code}");
            Assert.Equal(200, status);
            var (agreed, inProgress) = JapanItalyRecord.Commitments[code];
            var list = field!["commitmentList"]!.AsArray();
            Assert.Equal(agreed + inProgress, list.Count);
            Assert.Equal(field["commitments"]!["total"]!.GetValue<int>(), list.Count);
            Assert.All(list, c => Assert.StartsWith(code.ToLowerInvariant() + "-", c!["id"]!.GetValue<string>()));
        }
    }

    [Fact]
    public async Task An_unknown_field_is_a_404_problem()
    {
        var (status, body) = await GetAsync("/api/fields/JPIT-99");

        Assert.Equal(404, status);
        AssertProblem(body, 404);
        Assert.Equal("No such cooperation field.", body!["title"]!.GetValue<string>());
        Assert.Contains("JPIT-99", body["detail"]!.GetValue<string>());
    }

    // ADR 0052: the footprints' GIN index covers their field codes only, and a field's records are found through it.
    [Fact]
    public async Task A_fields_records_are_found_through_the_index_on_the_footprints_field_codes()
    {
        await using var session = Store.QuerySession();
        var command = Consultations.Host.Auditing.Subject.Of(field: "JPIT-06").Footprints(session).ToCommand(Marten.Linq.FetchType.FetchMany);
        Assert.Contains("d.data -> 'FieldCodes' @>", command.CommandText);
        Assert.NotEmpty(await Consultations.Host.Auditing.Subject.Of(field: "JPIT-06").StreamsAsync(session, CancellationToken.None) ?? []);

        await using var connection = Store.Storage.Database.CreateConnection();
        await connection.OpenAsync();
        await using var transaction = await connection.BeginTransactionAsync();
        var indexes = new List<string>();
        await using (var read = new Npgsql.NpgsqlCommand(
            "select indexdef from pg_indexes where schemaname = @schema and tablename = 'mt_doc_recordfootprint' and indexdef like '%USING gin%'", connection, transaction))
        {
            read.Parameters.AddWithValue("schema", Fixture.Schema);
            await using var reader = await read.ExecuteReaderAsync();
            while (await reader.ReadAsync()) indexes.Add(reader.GetString(0));
        }

        var index = Assert.Single(indexes);
        Assert.Contains("((data -> 'FieldCodes'::text)) jsonb_path_ops", index);

        // With sequential scans priced out, the planner uses the index when the query's expression is the index's.
        await using (var off = new Npgsql.NpgsqlCommand("set local enable_seqscan = off", connection, transaction)) await off.ExecuteNonQueryAsync();
        await using var explain = new Npgsql.NpgsqlCommand("explain " + command.CommandText, connection, transaction);
        foreach (Npgsql.NpgsqlParameter parameter in command.Parameters) explain.Parameters.Add(parameter.Clone());
        var plan = new List<string>();
        await using (var reader = await explain.ExecuteReaderAsync())
            while (await reader.ReadAsync()) plan.Add(reader.GetString(0));
        Assert.Contains(plan, line => line.Contains("Bitmap Index Scan", StringComparison.Ordinal));
    }
}
