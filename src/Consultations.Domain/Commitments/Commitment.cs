using System.Text.Json.Serialization;
using Consultations.Domain.Common;
using Consultations.Domain.Meetings;

namespace Consultations.Domain.Commitments;

public enum CommitmentStatus { Proposed, Agreed, InProgress, Fulfilled, Lapsed, Withdrawn, Superseded }

/// <summary>Whether a commitment's text quotes its source word for word or says it in other words.</summary>
public enum Wording { Quoted, Paraphrase }

public sealed record CommitmentMade(string CommitmentId, string DialogueId, string FieldCode, string Text,
    IReadOnlyList<string> Parties, IReadOnlyList<string> Agencies, IReadOnlyList<string> Programmes,
    SourceRef Source, CommitmentStatus Status, PartialDate EffectiveOn,
    IReadOnlyList<string>? Fora = null, IReadOnlyList<string>? Agreements = null, string? DocumentId = null, Wording? TextIs = null, string? Quote = null) : IFieldEvent, IOnTimeline, ITouchesMeeting
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

/// <param name="Evidence">The documents that show the change (ids of registered documents).</param>
/// <param name="DialogueId">Carried, with FieldCode, so that per-field and per-dialogue readers need not look the commitment up.</param>
public sealed record CommitmentStatusChanged(string CommitmentId, string DialogueId, string FieldCode, CommitmentStatus From, CommitmentStatus To,
    PartialDate EffectiveOn, string Reason, string? SupersededBy, IReadOnlyList<string>? Evidence = null) : IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];

    /// <summary>
    /// The target first recorded, when a correction changed it (<see cref="CommitmentStatusChangeTargetCorrected"/>): set
    /// on the corrected copy the folds read, never stored with the event.
    /// </summary>
    [JsonIgnore]
    public CommitmentStatus? CorrectedFrom { get; init; }
}

/// <param name="TextIs">Whether the new text quotes the source or paraphrases it; absent from amendments recorded before it was
/// carried, which read as a paraphrase unless the new text is the quote.</param>
public sealed record CommitmentAmended(string CommitmentId, string DialogueId, string FieldCode, string PreviousText, string Text, PartialDate EffectiveOn, string Reason,
    Wording? TextIs = null) : IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

/// <summary>The record got a status change's effective date wrong: the change named by <see cref="Corrects"/> took effect on <see cref="EffectiveOn"/>.</summary>
public sealed record CommitmentStatusChangeCorrected(string CommitmentId, string DialogueId, string FieldCode, EventRef Corrects, CommitmentStatus To,
    PartialDate WasEffectiveOn, PartialDate EffectiveOn, string Reason) : ICorrection, IFieldEvent, IOnTimeline
{
    IReadOnlyList<string> IFieldEvent.FieldCodes => [FieldCode];
}

/// <summary>A status change recorded with the wrong target status: the change named by <see cref="Corrects"/> was a change to <see cref="To"/>.</summary>
public sealed record CommitmentStatusChangeTargetCorrected(string CommitmentId, EventRef Corrects, CommitmentStatus WasTo, CommitmentStatus To, string Reason) : IValueCorrection
{
    public EventRef Fixes => Corrects;

    public object Apply(object original) => original is CommitmentStatusChanged c
        ? c with { To = To, CorrectedFrom = (c.CorrectedFrom ?? c.To) == To ? null : c.CorrectedFrom ?? c.To }
        : original;
}

/// <param name="Programmes">Programmes and missions (SOLAR-C, LiteBIRD, the ISS); fora and agreements are listed apart.</param>
/// <param name="Fora">International fora and initiatives the commitment names (COPUOS, G7, CSpO).</param>
/// <param name="Agreements">Agreements it names (the Artemis Accords).</param>
/// <param name="DocumentId">The registered document it is drawn from; for a clause or statement, that statement's by default.</param>
/// <param name="TextIs">Whether <paramref name="Text"/> quotes the source verbatim or paraphrases it.</param>
/// <param name="Quote">The source's exact passage the text quotes or paraphrases.</param>
public sealed record MakeCommitment(string CommitmentId, string DialogueId, string FieldCode, string Text,
    IReadOnlyList<string> Parties, IReadOnlyList<string> Agencies, IReadOnlyList<string> Programmes,
    SourceRef Source, CommitmentStatus Status, PartialDate EffectiveOn,
    IReadOnlyList<string>? Fora = null, IReadOnlyList<string>? Agreements = null, string? DocumentId = null, Wording? TextIs = null, string? Quote = null) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Id("dialogueId", DialogueId)
        .FieldCode("fieldCode", FieldCode)
        .Text("text", Text, 8000)
        .Names("parties", Parties, min: 1)
        .Names("agencies", Agencies)
        .Names("programmes", Programmes)
        .Text("source.id", Source.Id, 80)
        .OptionalText("source.part", Source.Part, 80)
        .Date("effectiveOn", EffectiveOn)
        .Names("fora", Fora)
        .Names("agreements", Agreements)
        .OptionalId("documentId", DocumentId)
        .OptionalText("quote", Quote, 8000)
        .When(Quote is not null && string.IsNullOrWhiteSpace(Quote), "quote", "must not be blank.")
        .When(TextIs == Wording.Paraphrase && Quote is null, "quote", "is required when the text is a paraphrase: keep the passage it paraphrases.")
        .When(Quote is not null && TextIs is null, "textIs", "is required with a quote: say whether the text is quoted or a paraphrase.");

    /// <summary>What the commitment follows from, as read from the record: its dialogue opened, its field defined, its source.</summary>
    [JsonIgnore]
    public IReadOnlyList<Precedent> Follows { get; init; } = [];

    /// <summary>The meeting <see cref="Source"/> names, as read from the record (null: not read, or not a meeting): it must be held.</summary>
    [JsonIgnore]
    public Meeting? SourceMeeting { get; init; }

    /// <summary>The field of the clause <see cref="Source"/> names, as read from the record (null: not read, or not a clause).</summary>
    [JsonIgnore]
    public string? SourceClauseField { get; init; }
}

public sealed record ChangeCommitmentStatus(string CommitmentId, CommitmentStatus To, PartialDate EffectiveOn, string Reason, string? SupersededBy,
    IReadOnlyList<string>? Evidence = null) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 4000)
        .Evidence("evidence", Evidence);

    /// <summary>The making of the <see cref="SupersededBy"/> commitment, as read from the record (null: not read): a commitment is not superseded before it.</summary>
    [JsonIgnore]
    public Precedent? SuccessorMade { get; init; }
}

/// <param name="TextIs">Whether the new text quotes the source or paraphrases it; when not said, it quotes only if it is the quote.</param>
public sealed record AmendCommitment(string CommitmentId, string Text, PartialDate EffectiveOn, string Reason, Wording? TextIs = null) : ICommand
{
    public void Check(Check check) => check
        .Id("commitmentId", CommitmentId)
        .Text("text", Text, 8000)
        .Date("effectiveOn", EffectiveOn)
        .Text("reason", Reason, 4000);
}

/// <param name="Original">The event stored at <c>Corrects</c>, as read from the record (null when there is none).</param>
public sealed record CorrectCommitmentStatusChange(string CommitmentId, EventRef Corrects, object? Original, PartialDate EffectiveOn, string Reason);

public static class CommitmentDecider
{
    public static IReadOnlyList<object> Decide(MakeCommitment command, Commitment? state, DateOnly today)
    {
        Rules.NotInFuture(command.EffectiveOn, today);
        if (!CommitmentLifecycle.InitialStatuses.Contains(command.Status))
            throw new RuleBroken("commitments-start-open", $"A commitment starts as proposed, agreed or in progress, not {command.Status}.", RuleKind.Invalid);
        if (command.Parties.Count == 0)
            throw new RuleBroken("commitment-has-parties", "A commitment names the parties that made it.", RuleKind.Invalid);
        if (state is not null)
        {
            // Text and status change later (amendments, status changes); who made it, with whom and from where do not.
            return state.DialogueId == command.DialogueId && state.FieldCode == command.FieldCode && state.Source == command.Source
                   && state.MadeOn == command.EffectiveOn && Lists.SameSet(state.Parties, command.Parties)
                   && Lists.SameSet(state.Agencies, command.Agencies) && Lists.SameSet(state.Programmes, command.Programmes)
                   && Lists.SameSet(state.Fora, command.Fora) && Lists.SameSet(state.Agreements, command.Agreements)
                   && state.DocumentId == command.DocumentId && state.TextIs == command.TextIs && state.Quote == QuoteOf(command)
                ? Rules.None
                : throw new RuleBroken("commitment-made-once", $"Commitment '{command.CommitmentId}' is already on record with other details; amend it instead.");
        }

        if (command.TextIs == Wording.Quoted && command.Quote is { } quote && !Quotes(quote, command.Text)) throw QuotedTextIsTheQuote();
        // Every clause belongs to one field: a commitment drawn from it is that field's (ADR 0064).
        if (command.SourceClauseField is { } clauseField && clauseField != command.FieldCode)
            throw new RuleBroken("commitment-in-its-clause-field",
                $"Clause {command.Source.Part} of '{command.Source.Id}' belongs to field {clauseField}; a commitment drawn from it is filed under {clauseField}, not {command.FieldCode}.",
                RuleKind.Invalid);
        Precedents.NotBefore(command.EffectiveOn, command.Follows, "commitment-made-after-its-sources", "a commitment cannot be made");
        SourcesOnRecord.MeetingHeld(command.Source, command.SourceMeeting, command.EffectiveOn, "a commitment comes from");

        return
        [
            new CommitmentMade(command.CommitmentId, command.DialogueId, command.FieldCode, command.Text, command.Parties,
                command.Agencies, command.Programmes, command.Source, command.Status, command.EffectiveOn,
                command.Fora, command.Agreements, command.DocumentId, command.TextIs, QuoteOf(command)),
        ];
    }

    // A quoted sentence may end with its own full stop where the passage runs on.
    private static bool Quotes(string quote, string text) => Passages.Normalize(quote).TrimEnd('.') == Passages.Normalize(text).TrimEnd('.');

    private static RuleBroken QuotedTextIsTheQuote() => new("quoted-text-is-the-quote",
        "A text marked as quoted is the quoted passage itself; a text in other words is a paraphrase.", RuleKind.Invalid);

    /// <summary>
    /// What an amended text is: as the amendment says, else quoted only when it is the quote, else a paraphrase of it
    /// (null while the record never said and keeps no quote).
    /// </summary>
    public static Wording? WordingOf(Commitment commitment, string text, Wording? said) =>
        said ?? (commitment.Quote is { } quote ? Quotes(quote, text) ? Wording.Quoted : Wording.Paraphrase
            : commitment.TextIs is null ? null : Wording.Paraphrase);

    // A quoted text is its own quote.
    private static string? QuoteOf(MakeCommitment command) =>
        command.Quote ?? (command.TextIs == Wording.Quoted ? command.Text : null);

    public static IReadOnlyList<object> Decide(ChangeCommitmentStatus command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (commitment.Status == command.To && commitment.SupersededBy == command.SupersededBy) return Rules.None;
        // The lifecycle never returns to a status, so a change already in the history is one the record reflects.
        if (commitment.StatusHistory.Any(h => h.To == command.To && h.EffectiveOn == command.EffectiveOn)) return Rules.None;
        if (!CommitmentLifecycle.Allows(commitment.Status, command.To))
        {
            var next = CommitmentLifecycle.NextFrom(commitment.Status);
            throw new RuleBroken("commitment-lifecycle",
                $"{Words.Before(commitment.Status, capital: true)} commitment cannot become {Describe(command.To)}"
                + (next.Count == 0 ? "; it is final." : $"; it can become {string.Join(", ", next.Select(Describe))}."));
        }

        if (command.EffectiveOn.IsCertainlyBefore(commitment.StatusSince))
            throw new RuleBroken("status-changes-in-order",
                $"The commitment has been {Describe(commitment.Status)} since {commitment.StatusSince}; a later status cannot take effect earlier.", RuleKind.Invalid);
        if (command.To == CommitmentStatus.Superseded && string.IsNullOrWhiteSpace(command.SupersededBy))
            throw new RuleBroken("superseded-names-successor", "A superseded commitment names the commitment that supersedes it.", RuleKind.Invalid);
        if (command.To != CommitmentStatus.Superseded && command.SupersededBy is not null)
            throw new RuleBroken("superseded-names-successor", "Only a superseded commitment names a successor.", RuleKind.Invalid);
        if (command.SupersededBy == commitment.Id)
            throw new RuleBroken("superseded-names-successor", "A commitment cannot supersede itself.", RuleKind.Invalid);
        // Superseded "by" a commitment not yet made would read, on that day, as replaced by nothing on record (ADR 0064).
        if (command.To == CommitmentStatus.Superseded && command.SuccessorMade is { } made)
            Precedents.NotBefore(command.EffectiveOn, [made], "superseded-after-successor-made", "a commitment cannot be superseded by it");

        return [new CommitmentStatusChanged(commitment.Id, commitment.DialogueId, commitment.FieldCode, commitment.Status, command.To, command.EffectiveOn, command.Reason, command.SupersededBy,
            command.Evidence is { Count: > 0 } evidence ? evidence : null)];
    }

    public static IReadOnlyList<object> Decide(AmendCommitment command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        Rules.NotInFuture(command.EffectiveOn, today);
        if (commitment.Text == command.Text) return Rules.None;
        if (CommitmentLifecycle.IsFinal(commitment.Status))
            throw new RuleBroken("final-commitments-are-not-amended", $"{Words.Before(commitment.Status, capital: true)} commitment can no longer be amended.");
        if (command.EffectiveOn.IsCertainlyBefore(commitment.MadeOn))
            throw new RuleBroken("amendment-after-commitment", $"An amendment cannot take effect before the commitment was made ({commitment.MadeOn}).", RuleKind.Invalid);
        if (command.TextIs == Wording.Quoted && commitment.Quote is { } quote && !Quotes(quote, command.Text)) throw QuotedTextIsTheQuote();
        return [new CommitmentAmended(commitment.Id, commitment.DialogueId, commitment.FieldCode, commitment.Text, command.Text, command.EffectiveOn, command.Reason,
            WordingOf(commitment, command.Text, command.TextIs))];
    }

    public static IReadOnlyList<object> Decide(CorrectCommitmentStatusChange command, Commitment? state, DateOnly today)
    {
        var commitment = Rules.Exists(state, "commitment", command.CommitmentId);
        if (command.Original is not CommitmentStatusChanged original || original.CommitmentId != commitment.Id)
            throw new RuleBroken("correction-names-a-status-change",
                $"Version {command.Corrects.Version} of commitment '{commitment.Id}' is not a status change; only a status change's date can be corrected this way.");
        Rules.NotInFuture(command.EffectiveOn, today);
        var index = Enumerable.Range(0, commitment.StatusHistory.Count).Single(i => commitment.StatusHistory[i].To == original.To);
        var change = commitment.StatusHistory[index];
        if (change.EffectiveOn == command.EffectiveOn) return Rules.None;
        var since = index == 0 ? commitment.MadeOn : commitment.StatusHistory[index - 1].EffectiveOn;
        if (command.EffectiveOn.IsCertainlyBefore(since))
            throw new RuleBroken("status-changes-in-order",
                $"The commitment became {Describe(change.From)} on {since}; the change to {Describe(change.To)} cannot have taken effect earlier.", RuleKind.Invalid);
        if (index + 1 < commitment.StatusHistory.Count && commitment.StatusHistory[index + 1].EffectiveOn.IsCertainlyBefore(command.EffectiveOn))
            throw new RuleBroken("status-changes-in-order",
                $"The commitment became {Describe(commitment.StatusHistory[index + 1].To)} on {commitment.StatusHistory[index + 1].EffectiveOn}; the change before it cannot have taken effect later.", RuleKind.Invalid);

        return [new CommitmentStatusChangeCorrected(commitment.Id, commitment.DialogueId, commitment.FieldCode, command.Corrects, original.To,
            change.EffectiveOn, command.EffectiveOn, command.Reason)];
    }

    public static string Describe(CommitmentStatus status) => Words.Spoken(status);

    public static Commitment? Evolve(Commitment? state, object @event) => @event switch
    {
        CommitmentMade e => new Commitment(e.CommitmentId, e.DialogueId, e.FieldCode, e.Text, e.Parties, e.Agencies, e.Programmes,
            e.Source, e.Status, e.EffectiveOn, e.EffectiveOn, null, [], 0)
        {
            Fora = e.Fora ?? [], Agreements = e.Agreements ?? [], DocumentId = e.DocumentId, TextIs = e.TextIs, Quote = e.Quote, MadeText = e.Text, MadeTextIs = e.TextIs,
        },
        CommitmentStatusChanged e when state is not null => state with
        {
            Status = e.To,
            StatusSince = e.EffectiveOn,
            SupersededBy = e.SupersededBy,
            StatusHistory = state.StatusHistory.With(new StatusChange(e.From, e.To, e.EffectiveOn, e.Reason) { Evidence = e.Evidence ?? [], CorrectedFrom = e.CorrectedFrom }),
        },
        CommitmentAmended e when state is not null => state with
        {
            Text = e.Text, Amendments = state.Amendments + 1,
            TextIs = WordingOf(state, e.Text, e.TextIs), Quote = state.Quote ?? (e.TextIs == Wording.Quoted ? e.Text : null),
        },
        CommitmentStatusChangeCorrected e when state is not null => state with
        {
            StatusSince = state.Status == e.To ? e.EffectiveOn : state.StatusSince,
            StatusHistory = [.. state.StatusHistory.Select(h => h.To == e.To ? h with { EffectiveOn = e.EffectiveOn } : h)],
        },
        _ => CommitmentFollowUp.Evolve(state, @event),
    };
}
