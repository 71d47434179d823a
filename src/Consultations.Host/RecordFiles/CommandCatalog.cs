using Consultations.Host.ActionPlans;
using Consultations.Host.Commitments;
using Consultations.Host.CooperationFields;
using Consultations.Host.Corrections;
using Consultations.Host.Dialogues;
using Consultations.Host.Documents;
using Consultations.Host.JointStatements;
using Consultations.Host.Meetings;
using Consultations.Host.Milestones;

namespace Consultations.Host.RecordFiles;

/// <summary>A command a record file may hold, by its step name, with the same handler its HTTP endpoint calls.</summary>
public sealed record CatalogEntry(string Name, Type CommandType, Func<object, Recorder, CancellationToken, Task<Recorded>> Handle);

/// <summary>
/// The one map from a command to the handler its HTTP endpoint calls: record files find a step's command here by name, web
/// forms by the command's type (<see cref="HandleAsync"/>), so neither has a write path of its own.
/// </summary>
public static class CommandCatalog
{
    private static CatalogEntry Entry<T>(string name, Func<T, Recorder, CancellationToken, Task<Recorded>> handle) =>
        new(name, typeof(T), (command, recorder, ct) => handle((T)command, recorder, ct));

    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        Entry<OpenDialogue>("open-dialogue", DialogueEndpoints.Handle),
        Entry<RegisterDocument>("register-document", DocumentEndpoints.Handle),
        Entry<AmendDocument>("amend-document", DocumentEndpoints.Handle),
        Entry<RecordMilestone>("record-milestone", MilestoneEndpoints.Handle),
        Entry<DefineCooperationField>("define-field", CooperationFieldEndpoints.Handle),
        Entry<ReviseCooperationFieldScope>("revise-field-scope", CooperationFieldEndpoints.Handle),
        Entry<ScheduleMeeting>("schedule-meeting", MeetingEndpoints.Handle),
        Entry<RescheduleMeeting>("reschedule-meeting", MeetingEndpoints.Handle),
        Entry<HoldMeeting>("hold-meeting", MeetingEndpoints.Handle),
        Entry<RecordMeetingOutcome>("record-meeting-outcome", MeetingEndpoints.Handle),
        Entry<CancelMeeting>("cancel-meeting", MeetingEndpoints.Handle),
        Entry<DraftJointStatement>("draft-statement", JointStatementEndpoints.Handle),
        Entry<AddClause>("add-clause", JointStatementEndpoints.Handle),
        Entry<AdoptJointStatement>("adopt-statement", JointStatementEndpoints.Handle),
        Entry<AdoptActionPlan>("adopt-action-plan", ActionPlanEndpoints.Handle),
        Entry<AddActionPlanItem>("add-action-plan-item", ActionPlanEndpoints.Handle),
        Entry<UpdateActionPlanItemProgress>("update-action-plan-item-progress", ActionPlanEndpoints.Handle),
        Entry<CompleteActionPlanItem>("complete-action-plan-item", ActionPlanEndpoints.Handle),
        Entry<DropActionPlanItem>("drop-action-plan-item", ActionPlanEndpoints.Handle),
        Entry<ReaffirmActionPlan>("reaffirm-action-plan", ActionPlanEndpoints.Handle),
        Entry<MakeCommitment>("make-commitment", CommitmentEndpoints.Handle),
        Entry<ChangeCommitmentStatus>("change-commitment-status", CommitmentEndpoints.Handle),
        Entry<AmendCommitment>("amend-commitment", CommitmentEndpoints.Handle),
        Entry<ChangePartyProgress>("change-party-progress", CommitmentEndpoints.Handle),
        Entry<AssessCompliance>("assess-compliance", CommitmentEndpoints.Handle),
        Entry<SetCommitmentLead>("set-commitment-lead", CommitmentEndpoints.Handle),
        Entry<AddCommitmentMilestone>("add-commitment-milestone", CommitmentEndpoints.Handle),
        Entry<MeetCommitmentMilestone>("meet-commitment-milestone", CommitmentEndpoints.Handle),
        Entry<RescheduleCommitmentMilestone>("reschedule-commitment-milestone", CommitmentEndpoints.Handle),
        Entry<SetActionItemLead>("set-action-item-lead", ActionPlanEndpoints.Handle),
        Entry<AddActionItemMilestone>("add-action-item-milestone", ActionPlanEndpoints.Handle),
        Entry<MeetActionItemMilestone>("meet-action-item-milestone", ActionPlanEndpoints.Handle),
        Entry<RescheduleActionItemMilestone>("reschedule-action-item-milestone", ActionPlanEndpoints.Handle),
        Entry<VoidEntryAt>("void-entry", FixSteps.Handle),
        Entry<CorrectEntryAt>("correct-entry", FixSteps.Handle),
    ];

    /// <summary>Commands only the forms send: a form names an entry by its event id, a record file by its step.</summary>
    private static readonly CatalogEntry[] FormOnly =
    [
        Entry<VoidEntry>("void", CorrectionEndpoints.Handle),
        Entry<CorrectEntry>("correct", CorrectionEndpoints.Handle),
    ];

    private static readonly Dictionary<Type, CatalogEntry> ByType = Entries.Concat(FormOnly).ToDictionary(e => e.CommandType);

    public static CatalogEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);

    /// <summary>Runs <paramref name="command"/> through the handler its HTTP endpoint calls.</summary>
    public static Task<Recorded> HandleAsync(object command, Recorder recorder, CancellationToken ct) =>
        ByType.TryGetValue(command.GetType(), out var entry)
            ? entry.Handle(command, recorder, ct)
            : throw new InvalidOperationException($"No handler takes a {command.GetType().Name}: add it to the command catalog.");
}
