using Consultations.Domain.ActionPlans;
using Consultations.Domain.Common;
using Consultations.Domain.JointStatements;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;

namespace Consultations.Host.Commitments;

public static class CommitmentSources
{
    /// <summary>A commitment's source must exist in the same dialogue: the clause, meeting, plan item or statement it comes from.</summary>
    public static async Task VerifyAsync(Recorder recorder, SourceRef source, string dialogueId, CancellationToken ct)
    {
        switch (source.Kind)
        {
            case SourceKind.Clause:
            {
                var statement = await recorder.ReferencedAsync<JointStatement>("source.id", source.Id, "joint statement", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, statement.DialogueId, "joint statement", statement.Id);
                if (!int.TryParse(source.Part, out var number) || statement.Clauses.All(c => c.Number != number))
                    throw InvalidCommand.For("source.part", $"Statement '{source.Id}' has no clause '{source.Part}'.");
                break;
            }

            case SourceKind.Statement:
            {
                var statement = await recorder.ReferencedAsync<JointStatement>("source.id", source.Id, "joint statement", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, statement.DialogueId, "joint statement", statement.Id);
                break;
            }

            case SourceKind.Meeting:
            {
                var meeting = await recorder.ReferencedAsync<Meeting>("source.id", source.Id, "meeting", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, meeting.DialogueId, "meeting", meeting.Id);
                break;
            }

            case SourceKind.PlanItem:
            {
                var plan = await recorder.ReferencedAsync<ActionPlan>("source.id", source.Id, "action plan", ct);
                RecorderReferences.SameDialogue("source.id", dialogueId, plan.DialogueId, "action plan", plan.Id);
                if (plan.Items.All(i => i.ItemId != source.Part))
                    throw InvalidCommand.For("source.part", $"Action plan '{source.Id}' has no item '{source.Part}'.");
                break;
            }
        }
    }
}
