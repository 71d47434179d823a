using Consultations.Projections.Fields;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Reports;

public sealed record FieldLine(FieldStatus Field, FieldHealth Health);

/// <summary>
/// Everything the status report of one dialogue shows. Now (<see cref="Axes"/> <see cref="Axes.Now"/>) it is read from the
/// projections, never from the event streams, and <see cref="Freshness"/> says how far they have come; on other axes it
/// is replayed from the events with the projections' folds, and <see cref="Freshness"/> is null. <see cref="Today"/> is
/// the day days in status and health are counted to: the effective day asked for, else today.
/// </summary>
public sealed record StatusReport(
    Dialogue Dialogue,
    DateOnly Today,
    int StalledAfterDays,
    IReadOnlyList<FieldLine> Fields,
    IReadOnlyList<TimelineEntry> Timeline,
    IReadOnlyList<MeetingRecordView> Meetings,
    IReadOnlyList<ActionPlanProgressRow> Plans,
    IReadOnlyList<RegisterRow> Register,
    Axes Axes,
    Freshness? Freshness,
    DateTimeOffset GeneratedAt,
    RecordNames Names,
    DateOnly Since,
    int DueSoonDays = 30)
{
    /// <summary>Action items' milestones overdue or due soon on <see cref="Today"/>, each with its plan and item (ADR 0059).</summary>
    public IReadOnlyList<ItemMilestoneDue> ItemMilestones { get; init; } = [];
}

/// <summary>An action item's milestone overdue or due soon: named with its item and plan, linked to the item's page.</summary>
public sealed record ItemMilestoneDue(string PlanId, string PlanTitle, string ItemId, string ItemText, string FieldCode, MilestoneView Milestone)
{
    public string Link => $"/action-plans/{Uri.EscapeDataString(PlanId)}/items/{Uri.EscapeDataString(ItemId)}";
}

public sealed class StatusReportBuilder(IQuerySession session, ProjectionFreshness freshness, ReportingOptions options, TimeProvider clock)
{
    public const int DefaultChangesDays = 90;

    /// <summary>The report of <paramref name="dialogueId"/>, or of the only dialogue on record now when none is named, on the <paramref name="axes"/>.</summary>
    /// <param name="since">The first day of the report's "changes since" section; null: <see cref="DefaultChangesDays"/> before the day viewed.</param>
    public async Task<StatusReport> BuildAsync(string? dialogueId, Axes axes, CancellationToken ct, DateOnly? since = null)
    {
        var dialogue = await DialogueAsync(dialogueId, ct);
        var subject = Subject.Of(dialogue.Id);
        var replay = axes.IsNow ? null : await RecordAsOf.LoadAsync(session, axes, subject, ct);
        var fresh = replay is null ? await freshness.OfAsync(ReportingSetup.AsyncProjections, ct) : null;
        if (replay is not null)
        {
            dialogue = replay.Record<Dialogue>(dialogue.Id, DialogueDecider.Evolve)
                       ?? throw new RecordNotFound("dialogue", dialogue.Id, axes.ToString());
        }

        var now = clock.GetUtcNow();
        var today = ReportQueries.DayOf(axes, clock);

        var fields = replay is null ? await FieldStatuses.ListAsync(session, subject, ct) : FieldStatuses.InOrder(replay.Fields().Values, subject);
        var timeline = replay is null
            ? await session.Query<TimelineEntry>().Where(e => e.DialogueId == dialogue.Id).ToListAsync(ct)
            : [.. replay.Timeline().Where(e => e.DialogueId == dialogue.Id)];
        var meetings = await ReportQueries.MeetingRecordsAsync(session, replay, dialogue.Id, ct);
        var plans = await ReportQueries.PlanRowsAsync(session, replay, dialogue.Id, today, options.DueSoonDays, ct);
        var register = await ReportQueries.RegisterAsync(session, replay, dialogue.Id, null, null, ct);
        var planRecords = replay is not null ? [.. replay.Records<ActionPlan>(ActionPlanDecider.Evolve).Where(p => p.DialogueId == dialogue.Id)]
            : await session.Query<ActionPlan>().Where(p => p.DialogueId == dialogue.Id).ToListAsync(ct);
        var itemMilestones = (from p in planRecords
                              from i in p.Items
                              from m in Deadlines.Views(i.Milestones, today, options.DueSoonDays, !i.IsOpen)
                              where m.Overdue || m.DueSoon
                              orderby m.DueOn, p.Id, i.ItemId
                              select new ItemMilestoneDue(p.Id, p.Title, i.ItemId, i.Text, i.FieldCode, m)).ToList();
        var titles = fields.ToDictionary(f => f.Id, f => f.Title);
        var names = replay is null ? await RecordNames.LoadAsync(session, ct) : RecordNames.Of(replay);

        return new StatusReport(
            dialogue, today, options.StalledAfterDays,
            [.. fields.Select(f => new FieldLine(f, FieldHealthRule.Of(f, today, options.StalledAfterDays)))],
            [.. TimelineOrder.InOrder(Timeline.TimelineQueries.Named(timeline, names))],
            meetings,
            plans,
            [.. register.Select(r => ReportViews.Row(r, today, titles, options.DueSoonDays))],
            axes, fresh, now, names, since ?? today.AddDays(-DefaultChangesDays), options.DueSoonDays)
        {
            ItemMilestones = itemMilestones,
        };
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
