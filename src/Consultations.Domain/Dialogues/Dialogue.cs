using Consultations.Domain.Common;

namespace Consultations.Domain.Dialogues;

public sealed record DialogueOpened(string DialogueId, string Title, IReadOnlyList<string> Parties, string? Subject, PartialDate EffectiveOn) : IRecordEvent;

public sealed record OpenDialogue(string DialogueId, string Title, IReadOnlyList<string> Parties, string? Subject, PartialDate EffectiveOn) : ICommand
{
    public void Check(Check check) => check
        .Id("dialogueId", DialogueId)
        .Text("title", Title, 200)
        .Names("parties", Parties, min: 2)
        .OptionalText("subject", Subject, 2000)
        .Date("effectiveOn", EffectiveOn);
}

public sealed record Dialogue(string Id, string Title, IReadOnlyList<string> Parties, string? Subject, PartialDate OpenedOn);

public static class DialogueDecider
{
    public static IReadOnlyList<object> Decide(OpenDialogue command, Dialogue? state, DateOnly today)
    {
        Rules.NotInFuture(command.EffectiveOn, today);
        if (Lists.DistinctCount(command.Parties) < 2)
            throw new RuleBroken("dialogue-has-two-parties", "A bilateral dialogue needs at least two parties.", RuleKind.Invalid);
        if (state is not null)
        {
            return state.Title == command.Title && Lists.SameSet(state.Parties, command.Parties) && state.Subject == command.Subject && state.OpenedOn == command.EffectiveOn
                ? Rules.None
                : throw new RuleBroken("dialogue-opened-once", $"Dialogue '{command.DialogueId}' is already open with other details.");
        }

        return [new DialogueOpened(command.DialogueId, command.Title, command.Parties, command.Subject, command.EffectiveOn)];
    }

    public static Dialogue? Evolve(Dialogue? state, object @event) => @event switch
    {
        DialogueOpened e => new Dialogue(e.DialogueId, e.Title, e.Parties, e.Subject, e.EffectiveOn),
        _ => state,
    };
}
