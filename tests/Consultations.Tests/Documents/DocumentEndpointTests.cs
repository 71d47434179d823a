using System.Security.Cryptography;
using System.Text;
using Consultations.Domain.Commitments;
using Consultations.Domain.Documents;

namespace Consultations.Tests.Documents;

public class DocumentEndpointTests(AppFixture fixture) : WriteEndpointContext(fixture)
{
    internal const string Url = "/api/documents";
    internal const string New = "tokyo-consultations-minutes";
    internal const string Statement = "japan-italy-joint-statement-2026-06-15"; // seeded
    internal const string MinutesText = "Minutes of the first bilateral space consultations, Tokyo, 28–29 May 2026.";

    private static string Sha(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));

    internal static JsonObject Amendment() => new()
    {
        ["title"] = "Joint Statement on Space Collaboration", ["language"] = "en", ["url"] = "https://example.org/js", ["effectiveOn"] = "2026-07-01", ["reason"] = "As published.",
    };

    internal static JsonObject Registering() => new()
    {
        ["documentId"] = New, ["dialogueId"] = DialogueId, ["title"] = "Minutes of the first bilateral space consultations", ["kind"] = "minutes",
        ["date"] = "2026-05-29", ["parties"] = new JsonArray("Japan", "Italy"), ["language"] = "en", ["url"] = "https://example.org/minutes.pdf", ["text"] = MinutesText,
    };

    [Fact]
    public async Task Registering_a_document_answers_201_with_its_location_and_keeps_the_hash_of_its_text()
    {
        await SeedAsync();
        var (document, registered) = await CreatedAndShownAsync<DocumentRegistered>(Url, Registering(), New, $"/api/documents/{New}");

        Assert.Equal(("minutes", "2026-05-29", "en", Sha(MinutesText)), (Text(document, "kind"), Text(document, "date"), Text(document, "language"), Text(document, "sha256")));
        Assert.Null(document["text"]);
        Assert.Equal((DocumentKind.Minutes, Sha(MinutesText)), (registered.Kind, registered.Sha256));
    }

    [Fact]
    public async Task A_hash_given_with_its_text_is_accepted_in_any_case_and_a_hash_alone_is_kept()
    {
        await SeedAsync();
        await CreatedAsync(Url, Registering().With("sha256", Sha(MinutesText).ToUpperInvariant()), New, $"/api/documents/{New}");
        await CreatedAsync(Url, Registering().With("documentId", "scan").Without("text").With("sha256", Sha("a scanned file")), "scan", "/api/documents/scan");
        Assert.Equal(Sha("a scanned file"), Text(await ReadAsync("/api/documents/scan"), "sha256"));
    }

    [Fact]
    public async Task Registering_the_same_document_twice_is_idempotent()
    {
        await SeedAsync();
        await RepeatIsIdempotentAsync(Url, Registering(), New, creates: true, location: $"/api/documents/{New}");
        await UnchangedAsync(Url, Registering().Without("text"), New);
    }

    [Fact]
    public async Task The_register_lists_documents_by_date_and_filters_by_dialogue_and_kind()
    {
        await SeedAsync();
        await CreatedAsync(Url, Registering(), New, $"/api/documents/{New}");

        var all = (JsonArray)await ReadAsync(Url);
        Assert.Equal([New, Statement], all.Select(d => Text(d, "id")));
        Assert.Equal([Statement], ((JsonArray)await ReadAsync($"{Url}?kind=joint-statement")).Select(d => Text(d, "id")));
        Assert.Equal(2, ((JsonArray)await ReadAsync($"{Url}?dialogue={DialogueId}")).Count);
        Assert.Empty((JsonArray)await ReadAsync($"{Url}?kind=note-verbale"));
        var (status, problem) = await GetAsync($"{Url}?kind=memo");
        Assert.Equal(400, status);
        AssertFieldError(problem, "kind");
    }

    [Fact]
    public async Task A_document_not_on_record_answers_404()
    {
        await SeedAsync();
        var (status, _) = await GetAsync("/api/documents/no-such-document");
        Assert.Equal(404, status);
        await NotFoundAsync("/api/documents/no-such-document/amendments",
            new { title = "T", language = "en", url = (string?)null, effectiveOn = "2026-07-01", reason = "R" });
    }

    [Fact]
    public async Task Amending_a_document_changes_its_title_and_address_and_is_shown()
    {
        await SeedAsync();
        var amendment = Amendment();
        await ChangedAsync($"/api/documents/{Statement}/amendments", amendment, Statement);
        var document = await ReadAsync($"/api/documents/{Statement}");
        Assert.Equal("Joint Statement on Space Collaboration", Text(document, "title"));
        Assert.Equal("https://example.org/js", Text(document, "url"));
        Assert.Equal(1, document["amendments"]!.GetValue<int>());
        await UnchangedAsync($"/api/documents/{Statement}/amendments", amendment, Statement);
    }

    [Fact]
    public async Task A_document_is_on_record_from_its_own_date()
    {
        await SeedAsync();
        var (before, _) = await GetAsync($"/api/documents/{Statement}?effectiveOn=2026-06-14");
        Assert.Equal(404, before);
        Assert.Equal(Statement, Text(await ReadAsync($"/api/documents/{Statement}?effectiveOn=2026-06-15"), "id"));
        Assert.Empty((JsonArray)await ReadAsync($"{Url}?effectiveOn=2026-06-14"));
        Assert.Single((JsonArray)await ReadAsync($"{Url}?effectiveOn=2026-06-15&dialogue={DialogueId}"));
    }

    // Citing documents. Faults (evidence not on record, of another dialogue, twice; a quote not in its clause; a statement drafted
    // from a document not on record) are rows of EndpointFaultTests; the bundled record's citations and hash are in SeedingTests.

    [Fact]
    public async Task A_status_change_cites_its_evidence_and_the_history_shows_it()
    {
        await SeedAsync();
        await CreatedAsync(Url, Registering().With("date", "2026-09-01"), New, $"/api/documents/{New}");
        var (commitment, changed) = await ChangedAndShownAsync<CommitmentStatusChanged>("/api/commitments/jpit-06-solar-c/status",
            new { to = "fulfilled", effectiveOn = "2026-09-01", reason = "Delivered.", evidence = new[] { New } }, "jpit-06-solar-c", "/api/commitments/jpit-06-solar-c");

        Assert.Equal(New, Text(commitment, "statusHistory.0.evidence.0"));
        Assert.Equal([New], changed.Evidence!);
    }

    [Fact]
    public async Task A_commitment_from_a_clause_takes_the_statements_document()
    {
        await SeedAsync();
        await CreatedAsync("/api/commitments", Quoting(), "jpit-08-planetary-defence", "/api/commitments/jpit-08-planetary-defence");
        var commitment = await ReadAsync("/api/commitments/jpit-08-planetary-defence");
        Assert.Equal((Statement, "paraphrase"), (Text(commitment, "documentId"), Text(commitment, "textIs")));
        Assert.Empty(commitment["fora"]!.AsArray());
    }

    /// <summary>A commitment paraphrasing clause 8, with the passage it paraphrases.</summary>
    internal static JsonObject Quoting() => new()
    {
        ["commitmentId"] = "jpit-08-planetary-defence", ["dialogueId"] = DialogueId, ["fieldCode"] = "JPIT-08",
        ["text"] = "Japan and Italy will strengthen planetary defence against potentially hazardous asteroids.", ["textIs"] = "paraphrase",
        ["quote"] = "as well as strengthening planetary defense against potentially hazardous asteroids", ["parties"] = new JsonArray("Japan", "Italy"),
        ["agencies"] = new JsonArray(), ["programmes"] = new JsonArray(), ["source"] = new JsonObject { ["kind"] = "clause", ["id"] = StatementId, ["part"] = "8" },
        ["status"] = "proposed", ["effectiveOn"] = "2026-07-01",
    };
}
