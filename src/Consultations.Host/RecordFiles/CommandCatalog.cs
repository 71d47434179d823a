using Consultations.Domain.ActionPlans;
using Consultations.Domain.Commitments;
using Consultations.Domain.CooperationFields;
using Consultations.Domain.Dialogues;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Host.ActionPlans.AddingItems;
using Consultations.Host.ActionPlans.Adopting;
using Consultations.Host.ActionPlans.CompletingItems;
using Consultations.Host.ActionPlans.DroppingItems;
using Consultations.Host.ActionPlans.Reaffirming;
using Consultations.Host.ActionPlans.UpdatingProgress;
using Consultations.Host.Commitments.Amending;
using Consultations.Host.Commitments.ChangingStatus;
using Consultations.Host.Commitments.Making;
using Consultations.Host.CooperationFields.Defining;
using Consultations.Host.CooperationFields.RevisingScope;
using Consultations.Host.Dialogues.Opening;
using Consultations.Host.Infrastructure;
using Consultations.Host.JointStatements.AddingClauses;
using Consultations.Host.JointStatements.Adopting;
using Consultations.Host.JointStatements.Drafting;
using Consultations.Host.Meetings.Cancelling;
using Consultations.Host.Meetings.Holding;
using Consultations.Host.Meetings.RecordingOutcome;
using Consultations.Host.Meetings.Rescheduling;
using Consultations.Host.Meetings.Scheduling;

namespace Consultations.Host.RecordFiles;

/// <summary>A command a record file may hold, by its step name, with the same handler its HTTP endpoint calls.</summary>
public sealed record CatalogEntry(string Name, Type CommandType, Func<object, Recorder, CancellationToken, Task<Recorded>> Handle);

public static class CommandCatalog
{
    private static CatalogEntry Entry<T>(string name, Func<T, Recorder, CancellationToken, Task<Recorded>> handle) =>
        new(name, typeof(T), (command, recorder, ct) => handle((T)command, recorder, ct));

    public static IReadOnlyList<CatalogEntry> Entries { get; } =
    [
        Entry<OpenDialogue>("open-dialogue", OpenDialogueEndpoint.Handle),
        Entry<DefineCooperationField>("define-field", DefineCooperationFieldEndpoint.Handle),
        Entry<ReviseCooperationFieldScope>("revise-field-scope", ReviseFieldScopeEndpoint.Handle),
        Entry<ScheduleMeeting>("schedule-meeting", ScheduleMeetingEndpoint.Handle),
        Entry<RescheduleMeeting>("reschedule-meeting", RescheduleMeetingEndpoint.Handle),
        Entry<HoldMeeting>("hold-meeting", HoldMeetingEndpoint.Handle),
        Entry<RecordMeetingOutcome>("record-meeting-outcome", RecordMeetingOutcomeEndpoint.Handle),
        Entry<CancelMeeting>("cancel-meeting", CancelMeetingEndpoint.Handle),
        Entry<DraftJointStatement>("draft-statement", DraftJointStatementEndpoint.Handle),
        Entry<AddClause>("add-clause", AddClauseEndpoint.Handle),
        Entry<AdoptJointStatement>("adopt-statement", AdoptJointStatementEndpoint.Handle),
        Entry<AdoptActionPlan>("adopt-action-plan", AdoptActionPlanEndpoint.Handle),
        Entry<AddActionPlanItem>("add-action-plan-item", AddActionPlanItemEndpoint.Handle),
        Entry<UpdateActionPlanItemProgress>("update-action-plan-item-progress", UpdateItemProgressEndpoint.Handle),
        Entry<CompleteActionPlanItem>("complete-action-plan-item", CompleteItemEndpoint.Handle),
        Entry<DropActionPlanItem>("drop-action-plan-item", DropItemEndpoint.Handle),
        Entry<ReaffirmActionPlan>("reaffirm-action-plan", ReaffirmActionPlanEndpoint.Handle),
        Entry<MakeCommitment>("make-commitment", MakeCommitmentEndpoint.Handle),
        Entry<ChangeCommitmentStatus>("change-commitment-status", ChangeCommitmentStatusEndpoint.Handle),
        Entry<AmendCommitment>("amend-commitment", AmendCommitmentEndpoint.Handle),
    ];

    public static CatalogEntry? Find(string name) => Entries.FirstOrDefault(e => e.Name == name);
}
