namespace Consultations.Domain.Tests.Documents;

public sealed class DocumentTests() : Specification<Document>(DocumentDecider.Evolve, typeof(DocumentDecider))
{
    private const string Id = "delhi-joint-statement";
    private const string StatementText = "The two sides agreed to exchange space-debris tracking data.";

    // The SHA-256 of StatementText's UTF-8 bytes, worked out independently of the domain (sha256sum).
    private const string StatementSha = "494bd801c16e87d55a098ec7be8ca3c996bd0f1e7db419c88422ef55793bd7ef";
    private const string OtherSha = "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad";

    private static RegisterDocument Register(string? text = null, string? sha = null, string on = "2026-03-01", string title = "Joint statement",
        string? url = "https://example.org/js.pdf") =>
        new(Id, "DLG-SPACE", title, DocumentKind.JointStatement, On(on), ["France", "India"], "en", url, text, sha);

    private static DocumentRegistered Registered(string? sha = null, string on = "2026-03-01", string title = "Joint statement") =>
        new(Id, "DLG-SPACE", title, DocumentKind.JointStatement, On(on), ["France", "India"], "en", "https://example.org/js.pdf", sha);

    [Fact]
    public void Registering_a_document_records_it() =>
        Given().When(Register()).Then(Registered());

    [Fact]
    public void The_record_keeps_the_hash_of_the_text_it_is_given_not_the_text() =>
        Given().When(Register(text: StatementText)).Then(Registered(sha: StatementSha));

    [Fact]
    public void A_known_text_has_its_known_hash() =>
        Assert.Equal(OtherSha, DocumentDecider.Sha256Of("abc"));

    [Fact]
    public void A_hash_given_alone_is_kept_in_lower_case() =>
        Given().When(Register(sha: StatementSha.ToUpperInvariant())).Then(Registered(sha: StatementSha));

    [Fact]
    public void A_hash_given_with_its_text_is_accepted_when_it_is_the_texts() =>
        Given().When(Register(text: StatementText, sha: StatementSha.ToUpperInvariant())).Then(Registered(sha: StatementSha));

    [Fact]
    public void A_hash_that_is_not_the_texts_is_refused() =>
        Given().When(Register(text: StatementText, sha: OtherSha)).ThenRefused("document-hash-matches-text", Invalid);

    [Fact]
    public void A_document_dated_after_today_is_refused() =>
        Given().When(Register(on: "2026-11-26")).ThenRefused("effective-date-not-in-future", Invalid);

    [Fact]
    public void A_document_known_only_to_a_month_can_be_registered() =>
        Given().When(Register(on: "2026-03")).Then(Registered(on: "2026-03"));

    [Fact]
    public void Registering_the_same_document_again_changes_nothing() =>
        Given(Registered(sha: StatementSha)).When(Register(text: StatementText)).ThenNothingHappens();

    [Fact]
    public void Registering_it_again_without_its_text_changes_nothing() =>
        Given(Registered(sha: StatementSha)).When(Register()).ThenNothingHappens();

    [Fact]
    public void Registering_the_same_id_with_another_text_is_refused() =>
        Given(Registered(sha: StatementSha)).When(Register(text: "Another text.")).ThenRefused("document-registered-once", Conflict);

    [Fact]
    public void Registering_the_same_id_with_another_date_is_refused() =>
        Given(Registered()).When(Register(on: "2026-03-02")).ThenRefused("document-registered-once", Conflict);

    [Fact]
    public void An_amendment_changes_title_language_and_address() =>
        Given(Registered()).When(new AmendDocument(Id, "Joint Statement of Delhi", "en", null, On("2026-04"), "Title as published."))
            .Then(new DocumentAmended(Id, "DLG-SPACE", "Joint Statement of Delhi", "en", null, On("2026-04"), "Title as published."));

    [Fact]
    public void Once_amended_the_original_registration_repeated_changes_nothing() =>
        Given(Registered(), new DocumentAmended(Id, "DLG-SPACE", "Joint Statement of Delhi", "en", null, On("2026-04"), "Title as published."))
            .When(Register()).ThenNothingHappens();

    [Fact]
    public void An_amendment_that_changes_nothing_appends_nothing() =>
        Given(Registered()).When(new AmendDocument(Id, "Joint statement", "en", "https://example.org/js.pdf", On("2026-04"), "R")).ThenNothingHappens();

    [Fact]
    public void An_amendment_before_the_documents_date_is_refused() =>
        Given(Registered()).When(new AmendDocument(Id, "T", "en", null, On("2026-02"), "R")).ThenRefused("amendment-after-document", Invalid);

    [Fact]
    public void Amending_a_document_not_on_record_is_not_found() =>
        Given().When(new AmendDocument(Id, "T", "en", null, On("2026-04"), "R")).ThenNotFound("document", Id);

    [Fact]
    public void The_document_counts_from_its_own_date() =>
        Assert.Equal(On("2026-03-01"), Registered().EffectiveOn);
}
