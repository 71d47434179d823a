using System.Text.Json.Serialization;
using Consultations.Domain.Common;

namespace Consultations.Domain.Milestones;

/// <summary>How firmly the source puts it: <c>stated</c> (it is, or will be), or <c>possible</c> ("the possible convening of …").</summary>
public enum MilestoneCertainty { Stated, Possible }

/// <summary>
/// A dated happening the record's sources name beyond its own meetings and statements: an anniversary, a chairmanship,
/// a conference. <see cref="Dates"/> is when it happens and may lie in the future (it is then a plan, not a fact);
/// <see cref="EffectiveOn"/> is when the record knows it from (the date of the source that states it), never in the future.
/// </summary>
public sealed record MilestoneRecorded(string MilestoneId, string DialogueId, string Title, DateSpan Dates, MilestoneCertainty Certainty,
    IReadOnlyList<string> FieldCodes, string? DocumentId, string? Quote, PartialDate EffectiveOn) : IRecordEvent, IOnTimeline;

public sealed record RecordMilestone(string MilestoneId, string DialogueId, string Title, DateSpan Dates, MilestoneCertainty Certainty,
    PartialDate EffectiveOn, IReadOnlyList<string>? FieldCodes = null, string? DocumentId = null, string? Quote = null) : ICommand
{
    public void Check(Check check) => check
        .Id("milestoneId", MilestoneId)
        .Id("dialogueId", DialogueId)
        .Text("title", Title, 300)
        .Span("dates", Dates, required: true)
        .Date("effectiveOn", EffectiveOn)
        .Names("fieldCodes", FieldCodes, max: 40)
        .OptionalId("documentId", DocumentId)
        .OptionalText("quote", Quote, 8000)
        .When(Quote is not null && string.IsNullOrWhiteSpace(Quote), "quote", "must not be blank.")
        .When(Quote is not null && DocumentId is null, "documentId", "is required with a quote: say which document it quotes.");

    /// <summary>What the record's knowing of it follows from, as read from the record: the document that states it, issued on its date.</summary>
    [JsonIgnore]
    public IReadOnlyList<Precedent> Follows { get; init; } = [];
}

/// <param name="KnownFrom">When the record knows it from: the date of its source.</param>
public sealed record Milestone(string Id, string DialogueId, string Title, DateSpan Dates, MilestoneCertainty Certainty,
    IReadOnlyList<string> FieldCodes, string? DocumentId, string? Quote, PartialDate KnownFrom);

public static class MilestoneDecider
{
    public static IReadOnlyList<object> Decide(RecordMilestone command, Milestone? state, DateOnly today)
    {
        // The milestone itself may be planned for later; knowing of it is a fact, and facts are not in the future.
        Rules.NotInFuture(command.EffectiveOn, today, "date the record knows the milestone from");
        Rules.InOrder(command.Dates, "milestone dates'");
        // Known from its source: not from a day before the document that states it was issued (third review, finding 19).
        Precedents.NotBefore(command.EffectiveOn, command.Follows, "milestone-known-from-its-source", "the record cannot know the milestone from a day");
        var fields = command.FieldCodes ?? [];
        return Rules.StartOnce(state,
            s => s.DialogueId == command.DialogueId && s.Title == command.Title && s.Dates == command.Dates
                 && s.Certainty == command.Certainty && Lists.SameSet(s.FieldCodes, fields) && s.DocumentId == command.DocumentId
                 && s.Quote == command.Quote && s.KnownFrom == command.EffectiveOn,
            new MilestoneRecorded(command.MilestoneId, command.DialogueId, command.Title, command.Dates, command.Certainty, fields,
                command.DocumentId, command.Quote, command.EffectiveOn),
            "milestone-recorded-once", $"Milestone '{command.MilestoneId}' is already on record with other details.");
    }

    public static Milestone? Evolve(Milestone? state, object @event) => @event switch
    {
        MilestoneRecorded e => new Milestone(e.MilestoneId, e.DialogueId, e.Title, e.Dates, e.Certainty, e.FieldCodes, e.DocumentId, e.Quote, e.EffectiveOn),
        _ => state,
    };
}
