using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;

namespace Consultations.Host.Meetings;

public static class MeetingChecks
{
    public static Check Delegations(this Check check, string field, IReadOnlyList<Delegation>? delegations)
    {
        if (delegations is null) return check;
        for (var i = 0; i < delegations.Count; i++)
        {
            var d = delegations[i];
            check.Text($"{field}[{i}].party", d.Party, 100)
                .OptionalText($"{field}[{i}].head", d.Head, 200)
                .Names($"{field}[{i}].members", d.Members);
        }

        return check.When(delegations.Select(d => d.Party).Distinct().Count() != delegations.Count, field, "must list each party once.");
    }

    public static Task<Recorded> Decide(this Recorder recorder, string meetingId, Func<Meeting?, DateOnly, IReadOnlyList<object>> decide, CancellationToken ct) =>
        recorder.DecideAsync(meetingId, decide, MeetingDecider.Evolve, ct);
}
