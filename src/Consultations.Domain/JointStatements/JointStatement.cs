using System.Text.Json.Serialization;
using Consultations.Domain.Common;
using Consultations.Domain.Meetings;

namespace Consultations.Domain.JointStatements;

/// <param name="DocumentId">The registered document the statement is; its clauses come from it.</param>
/// <param name="Closing">The statement's closing text after its clauses, verbatim (null where it has none, and in statements recorded before it was kept).</param>
/// <param name="EffectiveOn">When it was drafted, if the record knows; null when the source does not say (ADR 0056).</param>
/// <param name="KnownBy">When the drafting date is unknown: a day by which the statement existed (the day it was adopted).</param>
public sealed record JointStatementDrafted(string StatementId, string DialogueId, string Title, string? Preamble, PartialDate? EffectiveOn, string? DocumentId = null,
    string? Closing = null, PartialDate? KnownBy = null) : IRecordEvent, IInEffectBy, IOnTimeline
{
    DateOnly? IInEffectBy.InEffectBy => EffectiveOn is null ? KnownBy?.Latest : null;
}

public sealed record ClauseAdded(string StatementId, int Number, string FieldCode, string Heading, string Text, PartialDate EffectiveOn) : IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

/// <param name="FieldCodes">The fields its clauses belong to, so readers of a field see the adoption.</param>
public sealed record JointStatementAdopted(string StatementId, string MeetingId, PartialDate AdoptedOn, string Place,
    IReadOnlyList<string> Signatories, IReadOnlyList<string> FieldCodes, PartialDate EffectiveOn) : IFieldEvent, IOnTimeline, ITouchesMeeting;

/// <param name="EffectiveOn">When it was drafted; null when the source does not say, with <paramref name="KnownBy"/> instead.</param>
/// <param name="KnownBy">When the drafting date is unknown: a day by which the statement existed (the day it was adopted).</param>
public sealed record DraftJointStatement(string StatementId, string DialogueId, string Title, string? Preamble, PartialDate? EffectiveOn, string? DocumentId = null,
    string? Closing = null, PartialDate? KnownBy = null) : ICommand
{
    public void Check(Check check) => check
        .Id("statementId", StatementId)
        .Id("dialogueId", DialogueId)
        .Text("title", Title, 300)
        .OptionalText("preamble", Preamble, 20000)
        .When(EffectiveOn is null && KnownBy is null, "effectiveOn", "is required: the day it was drafted, or knownBy when that day is not on record.")
        .When(EffectiveOn is { } on && on == default, "effectiveOn", "is required (yyyy, yyyy-MM or yyyy-MM-dd).")
        .When(KnownBy is not null && EffectiveOn is not null, "knownBy", "is only for a statement whose drafting date (effectiveOn) is unknown.")
        .OptionalId("documentId", DocumentId)
        .OptionalText("closing", Closing, 20000);
}

public sealed record AddClause(string StatementId, int Number, string FieldCode, string Heading, string Text, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("statementId", StatementId)
        .Number("number", Number, 1, 999)
        .FieldCode("fieldCode", FieldCode)
        .Text("heading", Heading, 300)
        .Text("text", Text, 20000)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record AdoptJointStatement(string StatementId, string MeetingId, PartialDate AdoptedOn, string Place, IReadOnlyList<string> Signatories) : ICommand
{
    /// <summary>
    /// The meeting <see cref="MeetingId"/> names, as read from the record by whoever asks for the decision (null when it
    /// was not read): the statement is adopted only at a meeting held, on or after its first day.
    /// </summary>
    [JsonIgnore]
    public Meeting? Meeting { get; init; }

    public void Check(Check check) => check
        .Id("statementId", StatementId)
        .Id("meetingId", MeetingId)
        .Date("adoptedOn", AdoptedOn)
        .Text("place", Place, 200)
        .Names("signatories", Signatories, min: 1);
}

public sealed record Clause(int Number, string FieldCode, string Heading, string Text)
{
    /// <summary>The document the clause is a part of: its statement's.</summary>
    public string? DocumentId { get; init; }
}

public sealed record Adoption(string MeetingId, PartialDate AdoptedOn, string Place, IReadOnlyList<string> Signatories);

/// <param name="DraftedOn">Null when the drafting date is not on record (see <see cref="KnownBy"/>).</param>
public sealed record JointStatement(string Id, string DialogueId, string Title, string? Preamble, PartialDate? DraftedOn,
    IReadOnlyList<Clause> Clauses, Adoption? Adoption)
{
    /// <summary>When the drafting date is unknown: a day by which the statement existed.</summary>
    public PartialDate? KnownBy { get; init; }

    public bool IsAdopted => Adoption is not null;

    /// <summary>The registered document the statement is (null for a statement recorded without one).</summary>
    public string? DocumentId { get; init; }

    /// <summary>The closing text after the clauses (null where the statement has none on record).</summary>
    public string? Closing { get; init; }
}

public static class JointStatementDecider
{
    public static IReadOnlyList<object> Decide(DraftJointStatement command, JointStatement? state, DateOnly today)
    {
        if (command.EffectiveOn is { } drafted) Rules.NotInFuture(drafted, today);
        if (command.KnownBy is { } known) Rules.NotInFuture(known, today, "date the statement is known to have existed by");
        return Rules.StartOnce(state,
            s => s.DialogueId == command.DialogueId && s.Title == command.Title && s.Preamble == command.Preamble
                 && s.DraftedOn == command.EffectiveOn && s.KnownBy == command.KnownBy && s.DocumentId == command.DocumentId && s.Closing == command.Closing,
            new JointStatementDrafted(command.StatementId, command.DialogueId, command.Title, command.Preamble, command.EffectiveOn, command.DocumentId, command.Closing,
                command.KnownBy),
            "statement-drafted-once", $"Statement '{command.StatementId}' is already drafted with other details.");
    }

    public static IReadOnlyList<object> Decide(AddClause command, JointStatement? state, DateOnly today)
    {
        var statement = Rules.Exists(state, "joint statement", command.StatementId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (command.Number < 1)
            throw new RuleBroken("clause-number-positive", "Clauses are numbered from 1.", RuleKind.Invalid);
        var existing = statement.Clauses.FirstOrDefault(c => c.Number == command.Number);
        if (existing is not null)
        {
            return existing == new Clause(command.Number, command.FieldCode, command.Heading, command.Text) { DocumentId = statement.DocumentId }
                ? Rules.None
                : throw new RuleBroken("clause-numbers-unique", $"Clause {command.Number} of '{command.StatementId}' already exists with other text.");
        }

        if (statement.IsAdopted)
            throw new RuleBroken("adopted-statement-is-final", $"Statement '{command.StatementId}' was adopted on {statement.Adoption!.AdoptedOn}; an adopted statement is never edited.");
        // A clause is part of the text drafted: it takes effect no earlier than the drafting (ADR 0064).
        if (statement.DraftedOn is { } draftedOn && command.EffectiveOn.IsCertainlyBefore(draftedOn))
            throw new RuleBroken("clause-after-drafting",
                $"The statement was drafted on {draftedOn}; a clause of it cannot take effect before that ({command.EffectiveOn}).", RuleKind.Invalid);

        return [new ClauseAdded(command.StatementId, command.Number, command.FieldCode, command.Heading, command.Text, command.EffectiveOn)];
    }

    public static IReadOnlyList<object> Decide(AdoptJointStatement command, JointStatement? state, DateOnly today)
    {
        var statement = Rules.Exists(state, "joint statement", command.StatementId);
        Rules.NotInFuture(command.AdoptedOn, today, "adoption date");
        if (statement.Adoption is { } adopted)
        {
            return adopted.MeetingId == command.MeetingId && adopted.AdoptedOn == command.AdoptedOn
                ? Rules.None
                : throw new RuleBroken("statement-adopted-once", $"Statement '{command.StatementId}' was already adopted on {adopted.AdoptedOn} at '{adopted.MeetingId}'.");
        }

        if (statement.Clauses.Count == 0)
            throw new RuleBroken("statement-has-clauses", "A statement with no clauses cannot be adopted.");
        if (statement.DraftedOn is { } draftedOn && command.AdoptedOn.IsCertainlyBefore(draftedOn))
            throw new RuleBroken("adoption-after-drafting", $"A statement cannot be adopted before it was drafted ({statement.DraftedOn}).", RuleKind.Invalid);
        if (command.Signatories.Count == 0)
            throw new RuleBroken("statement-has-signatories", "An adopted statement names who adopted it.", RuleKind.Invalid);
        if (command.Meeting is not { Status: MeetingStatus.Held, HeldDates: { } held } meeting || meeting.Id != command.MeetingId)
            throw new RuleBroken("adopted-at-a-meeting-held",
                $"Meeting '{command.MeetingId}' is {(command.Meeting is null ? "not on record" : Words.Spoken(command.Meeting.Status))}; a statement is adopted only at a meeting recorded as held.");
        if (command.AdoptedOn.IsCertainlyBefore(held.From))
            throw new RuleBroken("adoption-at-the-meeting",
                $"Meeting '{command.MeetingId}' was held on {held}; a statement adopted at it cannot be adopted before it ({command.AdoptedOn}).", RuleKind.Invalid);
        // "At" the meeting means within its days held, first to last (ADR 0059, superseding ADR 0047's later sign-off).
        if (held.End.IsCertainlyBefore(command.AdoptedOn))
            throw new RuleBroken("adoption-at-the-meeting",
                $"Meeting '{command.MeetingId}' was held on {held}; a statement adopted at it cannot be adopted after its last day ({command.AdoptedOn}).", RuleKind.Invalid);
        // A month or a year is not a day of the meeting unless the meeting's days are known only that far (ADR 0064): "2026-11"
        // for a meeting of 18–19 November could be the 1st, and would draw the adoption before the meeting and its drafting.
        if (command.AdoptedOn.Earliest < held.From.Earliest || command.AdoptedOn.Latest > held.End.Latest)
            throw new RuleBroken("adoption-at-the-meeting",
                $"Meeting '{command.MeetingId}' was held on {held}; a statement adopted at it is adopted on one of those days, not on {command.AdoptedOn}: give the day.", RuleKind.Invalid);

        var fields = statement.Clauses.Select(c => c.FieldCode).Distinct().ToList();
        return [new JointStatementAdopted(command.StatementId, command.MeetingId, command.AdoptedOn, command.Place, command.Signatories, fields, command.AdoptedOn)];
    }

    public static JointStatement? Evolve(JointStatement? state, object @event) => @event switch
    {
        JointStatementDrafted e => new JointStatement(e.StatementId, e.DialogueId, e.Title, e.Preamble, e.EffectiveOn, [], null)
        {
            DocumentId = e.DocumentId, Closing = e.Closing, KnownBy = e.KnownBy,
        },
        ClauseAdded e when state is not null => state with
        {
            Clauses = [.. state.Clauses.Append(new Clause(e.Number, e.FieldCode, e.Heading, e.Text) { DocumentId = state.DocumentId }).OrderBy(c => c.Number)],
        },
        JointStatementAdopted e when state is not null => state with { Adoption = new Adoption(e.MeetingId, e.AdoptedOn, e.Place, e.Signatories) },
        _ => state,
    };
}
