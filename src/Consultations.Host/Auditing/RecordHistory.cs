using System.Text.Json.Serialization;
using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using JasperFx.Events;
using Microsoft.AspNetCore.Http.Metadata;
using System.Reflection;

namespace Consultations.Host.Auditing;

/// <summary>One value an entry changed: what the record said before it and after it.</summary>
public sealed record HistoryChange(string Field, string? Was, string? Now);

/// <summary>
/// One entry of a record's own history. A voided entry stays in the history, struck through: <c>voided</c>, with the void
/// that struck it (<c>voidedBy</c>, whose own entry says who, when and why); a corrected one names its corrections.
/// </summary>
/// <param name="Fixes">For a void or a correction, the entry it fixes.</param>
public sealed record HistoryEntry(
    Guid EventId,
    long Version,
    string Kind,
    DateTimeOffset RecordedAt,
    string? RecordedBy,
    string? EffectiveOn,
    string? Reason,
    IReadOnlyList<HistoryChange> Changes,
    Guid? Fixes,
    bool Voided,
    Guid? VoidedBy,
    IReadOnlyList<Guid> CorrectedBy);

public static class RecordHistory
{
    /// <summary>
    /// The history of one stream, read from its events with Marten's metadata (timestamp = recorded at, user name = recorded
    /// by), as known at the end of <paramref name="stream"/> (a replay passes the events recorded up to its instant).
    /// <paramref name="include"/> keeps only some entries (an action-plan item's), and the fixes of those.
    /// </summary>
    public static IReadOnlyList<HistoryEntry> Of(IReadOnlyList<IEvent> stream, Func<object, bool>? include = null)
    {
        var fixes = stream.Where(e => e.Data is IEntryFix or ICorrection).ToList();
        var kept = stream.Where(e => include is null || include(e.Data)).Select(e => e.Id).ToHashSet();
        var history = new List<HistoryEntry>();
        var place = (string?)null;
        var planned = (string?)null;
        var title = (string?)null;
        var scope = (string?)null;
        foreach (var e in stream)
        {
            var fixedId = e.Data switch { IEntryFix f => f.Fixes.EventId, ICorrection c => c.Corrects.EventId, _ => (Guid?)null };
            var shown = fixedId is { } target ? kept.Contains(target) : kept.Contains(e.Id);
            var changes = Changes(e.Data, place, planned, title, scope);
            switch (e.Data)
            {
                case MeetingScheduled x: place = x.Place; planned = x.PlannedDates?.ToString(); break;
                case MeetingRescheduled x: place = x.Place; planned = x.PlannedDates?.ToString(); break;
                case CooperationFieldDefined x: title = x.Title; scope = x.Scope; break;
                case CooperationFieldScopeRevised x: title = x.Title; scope = x.Scope; break;
            }

            if (!shown) continue;
            var voidedBy = fixes.FirstOrDefault(f => f.Data is EntryVoided v && v.Voids.EventId == e.Id);
            history.Add(new HistoryEntry(e.Id, e.Version, Entries.Kind(e.Data), e.Timestamp, e.UserName,
                EventFacts.EffectiveOn(e.Data)?.ToString(), EventFacts.Reason(e.Data), changes, fixedId,
                voidedBy is not null, voidedBy?.Id,
                [.. fixes.Where(f => f.Data is IValueCorrection v && v.Fixes.EventId == e.Id || f.Data is ICorrection c && c.Corrects.EventId == e.Id).Select(f => f.Id)]));
        }

        return history;
    }

    private static IReadOnlyList<HistoryChange> Changes(object data, string? place, string? planned, string? title, string? scope) => data switch
    {
        CommitmentStatusChanged x => [new("status", Words.Of(x.From), Words.Of(x.To))],
        CommitmentAmended x => [new("text", x.PreviousText, x.Text)],
        CommitmentStatusChangeCorrected x => [new("effectiveOn", x.WasEffectiveOn.ToString(), x.EffectiveOn.ToString())],
        CommitmentStatusChangeTargetCorrected x => [new("to", Words.Of(x.WasTo), Words.Of(x.To))],
        MeetingRescheduled x => [.. Changed("place", place, x.Place), .. Changed("plannedDates", planned, x.PlannedDates?.ToString())],
        MeetingHeld x => [new("place", place, x.Place), new("heldDates", planned, x.Dates.ToString())],
        MeetingOutcomeRecorded x => [new("summary", null, x.Summary), .. x.Decisions.Count == 0 ? [] : new[] { new HistoryChange("decisions", null, string.Join("; ", x.Decisions)) }],
        MeetingHeldCorrected x => [new("dates", x.WasDates.ToString(), x.Dates.ToString())],
        MeetingHeldPlaceCorrected x => [new("place", x.WasPlace, x.Place)],
        MeetingOutcomeCorrected x => [.. Changed("summary", x.WasSummary, x.Summary), .. Decisions(x.WasDecisions, x.Decisions)],
        JointStatementAdopted x => [new("meetingId", null, x.MeetingId), new("adoptedOn", null, x.AdoptedOn.ToString()), new("place", null, x.Place),
            new("signatories", null, string.Join("; ", x.Signatories))],
        CommitmentPartyProgressChanged x => [new($"partyProgress.{x.Party}", x.From is { } from ? Words.Of(from) : null, Words.Of(x.To))],
        CommitmentLeadSet x => [new($"lead.{x.Party}", x.Previous, x.Lead)],
        ActionPlanItemLeadSet x => [new($"lead.{x.Party}", x.Previous, x.Lead)],
        CooperationFieldScopeRevised x => [.. Changed("title", title, x.Title), .. Changed("scope", scope, x.Scope)],
        ActionPlanItemProgressUpdated x => [new("progress", Words.Of(x.From), Words.Of(x.To)), new("note", null, x.Note)],
        ActionPlanItemCompleted x => [new("progress", Words.Of(x.From), Words.Of(ItemProgress.Completed))],
        ActionPlanItemDropped x => [new("progress", Words.Of(x.From), Words.Of(ItemProgress.Dropped))],
        _ => [],
    };

    // Each decision that changed, by its place in the list (decisions[0] is the first): added, removed or reworded.
    private static IEnumerable<HistoryChange> Decisions(IReadOnlyList<string> was, IReadOnlyList<string> now) =>
        Enumerable.Range(0, Math.Max(was.Count, now.Count))
            .SelectMany(i => Changed($"decisions[{i}]", was.ElementAtOrDefault(i), now.ElementAtOrDefault(i)));

    private static IEnumerable<HistoryChange> Changed(string field, string? was, string? now) =>
        was == now ? [] : [new HistoryChange(field, was, now)];

    /// <summary>
    /// A record on the axes with its version and history: the stored snapshot now, else its stream replayed; the history and
    /// version as recorded up to the <c>recordedAt</c> instant. One read of the stream serves both.
    /// </summary>
    public static async Task<WithHistory<T>> FindAsync<T>(IQuerySession session, Axes axes, string id, Func<T?, object, T?> evolve, string recordKind,
        CancellationToken ct, Func<object, bool>? include = null) where T : class
    {
        var stream = await session.Events.FetchStreamAsync(id, timestamp: axes.RecordedAt, token: ct);
        var record = await RecordAsOf.FindAsync(session, axes, id, evolve, recordKind, ct);
        return new WithHistory<T>(record, stream.Count == 0 ? 0 : stream[^1].Version, Of(stream, include));
    }
}

/// <summary>
/// A record as its GET answers it: the record's own members, then <c>version</c> and <c>history</c>. The version is the
/// record's ETag, from the same read of the stream as the history. A replay carries one too: the version of the record as
/// recorded up to its <c>recordedAt</c> (the current one for an <c>effectiveOn</c> replay), which, with the replay's URL,
/// names exactly what was answered: the answer changes only when the record gains entries by that instant.
/// </summary>
[JsonConverter(typeof(WithHistoryConverterFactory))]
public sealed record WithHistory<T>(T Record, long Version, IReadOnlyList<HistoryEntry> History)
    : IHttpAware
{
    public void Apply(HttpContext context) => context.Response.Headers.ETag = $"\"{Version}\"";

    public static void PopulateMetadata(MethodInfo method, EndpointBuilder builder) =>
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status200OK, typeof(WithHistory<T>), ["application/json"]));
}
