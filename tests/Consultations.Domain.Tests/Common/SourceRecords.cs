namespace Consultations.Domain.Tests.Common;

/// <summary>Records as a route reads them before asking for a decision: a meeting, a statement.</summary>
public static class SourceRecords
{
    public static Meeting Meeting(string id = "MTG-2026-PARIS", MeetingStatus status = MeetingStatus.Held, string from = "2026-02-10", string? to = "2026-02-11") =>
        new(id, "DLG-SPACE", MeetingKind.Consultation, "Paris consultations", "Paris", Span(from, to), ["France", "India"], [], status, null,
            status == MeetingStatus.Held ? Span(from, to) : null, [], null, status == MeetingStatus.Cancelled ? "Elections" : null);

    public static JointStatement Statement(string id = "JS-2026-PARIS", string? adoptedOn = "2026-02-11") =>
        new(id, "DLG-SPACE", "Paris Joint Statement", null, On("2026-01"), [new Clause(1, "SPACE-SUST", "Debris", "Share debris data.")],
            adoptedOn is null ? null : new Adoption("MTG-2026-PARIS", On(adoptedOn), "Paris", ["Ministers"]));
}
