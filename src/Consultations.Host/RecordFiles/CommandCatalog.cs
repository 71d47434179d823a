using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Corrections;
using Consultations.Domain.Dialogues;
using Consultations.Domain.Documents;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Domain.Milestones;
using Consultations.Host.ActionPlans;
using Consultations.Host.Commitments;
using Consultations.Host.CooperationFields;
using Consultations.Host.Dialogues;
using Consultations.Host.Documents;
using Consultations.Host.JointStatements;
using Consultations.Host.Meetings;
using Consultations.Host.Milestones;

namespace Consultations.Host.RecordFiles;

/// <summary>A command a record file may hold, by its step name, with the same handler its HTTP endpoint calls.</summary>
public sealed record CatalogEntry(string Name, Type CommandType, Func<object, Recorder, CancellationToken, Task<Recorded>> Handle);

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

    public static CatalogEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}
