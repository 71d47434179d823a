using Consultations.Host.Auditing;
using Consultations.Domain.Common;
using Consultations.Domain.Dialogues;
using Consultations.Host.Infrastructure;
using Consultations.Projections.Fields;
using Consultations.Projections.Timeline;
using Marten;

namespace Consultations.Host.Reports;

public sealed record FieldLine(FieldStatus Field, FieldHealth Health);

/// <summary>Everything the status report of one dialogue shows, read from the projections (never from the event streams).</summary>
public sealed record StatusReport(
    Dialogue Dialogue,
    DateOnly Today,
    int StalledAfterDays,
    IReadOnlyList<FieldLine> Fields,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<MeetingRecordView> Meetings,
    IReadOnlyList<ActionPlanProgressRow> Plans,
    IReadOnlyList<RegisterRow> Register,
    Freshness Freshness,
    DateTimeOffset GeneratedAt);

public sealed class StatusReportBuilder(IQuerySession session, ProjectionFreshness freshness, ReportingOptions options, TimeProvider clock)
{
    /// <summary>The report of <paramref name="dialogueId"/>, or of the only dialogue on record when none is named.</summary>
    public async Task<StatusReport> BuildAsync(string? dialogueId, CancellationToken ct)
    {
        var dialogue = await DialogueAsync(dialogueId, ct);
        var fresh = await freshness.OfAsync(ReportingSetup.AsyncProjections, ct);
        var now = clock.GetUtcNow();
        var today = DateOnly.FromDateTime(now.UtcDateTime);

        var fields = await FieldStatuses.ListAsync(session, Subject.Of(dialogue.Id), ct);
        var timeline = await session.Query<TimelineEntry>().Where(e => e.DialogueId == dialogue.Id).ToListAsync(ct);
        var meetings = await ReportQueries.MeetingRecordsAsync(session, dialogue.Id, ct);
        var plans = await session.Query<Projections.ActionPlans.ActionPlanProgress>().Where(p => p.DialogueId == dialogue.Id).OrderBy(p => p.Id).ToListAsync(ct);
        var register = await session.Query<Projections.Register.CommitmentRegisterEntry>().Where(c => c.DialogueId == dialogue.Id)
            .OrderBy(c => c.FieldCode).ThenBy(c => c.Id).ToListAsync(ct);
        var titles = fields.ToDictionary(f => f.Id, f => f.Title);

        return new StatusReport(
            dialogue, today, options.StalledAfterDays,
            [.. fields.Select(f => new FieldLine(f, FieldHealthRule.Of(f, today, options.StalledAfterDays)))],
            [.. timeline.OrderBy(e => e.SortDate is null).ThenBy(e => e.SortDate).ThenBy(e => e.Title, StringComparer.Ordinal)],
            meetings,
            [.. plans.SelectMany(ReportViews.Rows)],
            [.. register.Select(r => ReportViews.Row(r, today, titles))],
            fresh, now);
    }

    private async Task<Dialogue> DialogueAsync(string? dialogueId, CancellationToken ct)
    {
        if (!string.IsNullOrWhiteSpace(dialogueId))
            return await session.LoadAsync<Dialogue>(dialogueId, ct) ?? throw new RecordNotFound("dialogue", dialogueId);
        var all = await session.Query<Dialogue>().Take(2).ToListAsync(ct);
        return all.Count switch
        {
            1 => all[0],
            0 => throw new RecordNotFound("dialogue", "(none on record)"),
            _ => throw InvalidCommand.For("dialogue", "There is more than one dialogue on record; name one (?dialogue=...)."),
        };
    }
}
