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
        return Rules.StartOnce(state,
            s => s.Title == command.Title && Lists.SameSet(s.Parties, command.Parties) && s.Subject == command.Subject && s.OpenedOn == command.EffectiveOn,
            new DialogueOpened(command.DialogueId, command.Title, command.Parties, command.Subject, command.EffectiveOn),
            "dialogue-opened-once", $"Dialogue '{command.DialogueId}' is already open with other details.");
    }

    public static Dialogue? Evolve(Dialogue? state, object @event) => @event switch
    {
        DialogueOpened e => new Dialogue(e.DialogueId, e.Title, e.Parties, e.Subject, e.EffectiveOn),
        _ => state,
    };
}
