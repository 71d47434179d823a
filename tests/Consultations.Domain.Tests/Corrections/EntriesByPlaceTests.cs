namespace Consultations.Domain.Tests.Corrections;

public class EntriesByPlaceTests
{
    private static readonly PartialDate June = PartialDate.Parse("2026-06-15");

    private static readonly IReadOnlyList<Entry> Record =
    [
        new(Guid.NewGuid(), 1, new CommitmentMade("c-1", "d", "F-1", "Text", ["Japan"], [], [], new SourceRef(SourceKind.Meeting, "m"), CommitmentStatus.Agreed, June)),
        new(Guid.NewGuid(), 2, new CommitmentStatusChanged("c-1", "d", "F-1", CommitmentStatus.Agreed, CommitmentStatus.Fulfilled, June, "why", null)),
    ];

    private static string Refused(Action act) => Assert.Single(Assert.Throws<InvalidCommand>(act).Errors.Keys);

    [Fact]
    public void An_entry_is_found_by_its_record_version_and_kind() =>
        Assert.Equal(Record[1].EventId, EntriesByPlace.Locate("c-1", 2, "commitment-status-changed", Record));

    [Fact]
    public void An_entry_of_another_kind_at_that_version_is_refused_naming_kind() =>
        Assert.Equal("kind", Refused(() => EntriesByPlace.Locate("c-1", 2, "commitment-amended", Record)));

    [Fact]
    public void A_version_the_record_does_not_have_is_refused_naming_version() =>
        Assert.Equal("version", Refused(() => EntriesByPlace.Locate("c-1", 3, "commitment-status-changed", Record)));

    [Fact]
    public void A_record_not_on_record_is_refused_naming_record() =>
        Assert.Equal("record", Refused(() => EntriesByPlace.Locate("c-2", 1, "commitment-made", [])));

    [Fact]
    public void A_place_needs_a_record_a_positive_version_a_kind_and_a_reason()
    {
        var errors = Assert.Throws<InvalidCommand>(() => new VoidEntryAt(" ", 0, "", " ").ThrowIfInvalid()).Errors.Keys;
        Assert.Equal(["kind", "reason", "record", "version"], errors.Order(StringComparer.Ordinal));
        Assert.Contains("to", Assert.Throws<InvalidCommand>(() => new CorrectEntryAt("c-1", 2, "commitment-status-changed", "x").ThrowIfInvalid()).Errors.Keys);
    }
}
