using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Dialogues;
using Consultations.Domain.Documents;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Domain.Milestones;

namespace Consultations.Domain.Corrections;

/// <summary>Another record, with its entries as stored (fixes included), that may refer to the record an entry is voided from.</summary>
public sealed record OtherRecord(string Id, IReadOnlyList<Entry> Entries);

/// <summary>
/// Dependencies between records, for voids (ADR 0026). An entry of one record depends on an entry of another when it
/// refers to what that entry put on record and says so itself:
/// <list type="bullet">
/// <item>every reference to a record (a dialogue, field, document, meeting, statement, plan, commitment named by id)
/// depends on that record's first entry;</item>
/// <item>a commitment drawn from a statement (or one of its clauses) depends on the statement's adoption, and on that
/// clause; one drawn from a meeting depends on the meeting's being held; one drawn from a plan item on the item;</item>
/// <item>a statement adopted at a meeting depends on the meeting's being held; a plan reaffirmed by a meeting or
/// statement depends on that meeting's being held or that statement's adoption.</item>
/// </list>
/// Only live entries count: an entry voided in its own record no longer depends on anything.
/// </summary>
public static class RecordReferences
{
    /// <summary>The live entries of <paramref name="others"/> that depend on <paramref name="target"/> of record <paramref name="recordId"/>, by record.</summary>
    public static IReadOnlyList<(string Record, Entry Entry)> Dependents(string recordId, Entry target, bool opensRecord, IReadOnlyList<OtherRecord> others)
    {
        var provides = Provides(target.Data, opensRecord).ToHashSet();
        if (provides.Count == 0) return [];
        return
        [
            .. others.Where(o => o.Id != recordId).SelectMany(o => Entries.Live(o.Entries)
                .Where(e => Needs(e.Data).Any(n => n.Record == recordId && provides.Contains(n.Key)))
                .Select(e => (o.Id, e))),
        ];
    }

    private static IEnumerable<string> Provides(object data, bool opensRecord)
    {
        if (opensRecord) yield return "record";
        switch (data)
        {
            case JointStatementAdopted: yield return "adopted"; break;
            case ClauseAdded c: yield return $"clause:{c.Number}"; break;
            case MeetingHeld: yield return "held"; break;
            case ActionPlanItemAdded i: yield return $"item:{i.ItemId}"; break;
        }
    }

    /// <summary>What an entry needs of other records: (record id, what of it).</summary>
    public static IEnumerable<(string Record, string Key)> Needs(object data) => data switch
    {
        DialogueOpened => [],
        CooperationFieldDefined x => [(x.DialogueId, "record")],
        DocumentRegistered x => [(x.DialogueId, "record")],
        MilestoneRecorded x => [(x.DialogueId, "record"), .. x.FieldCodes.Select(f => (f, "record")), .. Record(x.DocumentId)],
        MeetingScheduled x => [(x.DialogueId, "record")],
        MeetingOutcomeRecorded x => [.. x.FieldCodes.Select(f => (f, "record")), .. (x.Evidence ?? []).Select(d => (d, "record"))],
        JointStatementDrafted x => [(x.DialogueId, "record"), .. Record(x.DocumentId)],
        ClauseAdded x => [(x.FieldCode, "record")],
        JointStatementAdopted x => [(x.MeetingId, "record"), (x.MeetingId, "held")],
        ActionPlanAdopted x => [(x.DialogueId, "record")],
        ActionPlanItemAdded x => [(x.FieldCode, "record")],
        ActionPlanReaffirmed x => Source(x.By),
        CommitmentMade x => [(x.DialogueId, "record"), (x.FieldCode, "record"), .. Source(x.Source), .. Record(x.DocumentId)],
        CommitmentStatusChanged x => [.. Record(x.SupersededBy), .. (x.Evidence ?? []).Select(d => (d, "record"))],
        _ => [],
    };

    private static IEnumerable<(string, string)> Record(string? id) => id is null ? [] : [(id, "record")];

    private static IEnumerable<(string, string)> Source(SourceRef source) => source.Kind switch
    {
        SourceKind.Clause => [(source.Id, "record"), (source.Id, "adopted"), (source.Id, $"clause:{source.Part}")],
        SourceKind.Statement => [(source.Id, "record"), (source.Id, "adopted")],
        SourceKind.Meeting => [(source.Id, "record"), (source.Id, "held")],
        SourceKind.PlanItem => [(source.Id, "record"), (source.Id, $"item:{source.Part}")],
        _ => [(source.Id, "record")],
    };
}
