using System.Globalization;
using Consultations.Projections.Fields;
using Consultations.Projections.Timeline;
using static Consultations.Host.Reports.Charts;

namespace Consultations.Host.Reports;

public abstract record Block;

public sealed record Paragraph(string Text, bool Muted = false) : Block;

public sealed record Bullets(IReadOnlyList<string> Items) : Block;

public sealed record SubHeading(string Text) : Block;

/// <param name="Numeric">The columns that hold numbers (right-aligned).</param>
public sealed record Grid(IReadOnlyList<string> Headers, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlySet<int> Numeric) : Block;

/// <summary>A chart drawn in the HTML (and so the PDF) only; the table that follows it carries the same facts in every format.</summary>
public sealed record Chart(string Svg, string Caption) : Block;

public sealed record Section(string Title, IReadOnlyList<Block> Blocks);

/// <param name="Running">What heads every printed page: the record's name and the axes the report stands on.</param>
public sealed record Outline(string Title, string Subtitle, string Running, string Freshness, IReadOnlyList<Section> Sections, string Footer);

/// <summary>
/// The status report's content once, as sections of paragraphs, lists and tables, that every format renders alike
/// (HTML and so PDF, Markdown, Word): the same sections with the same facts (ADR 0034).
/// </summary>
public static class ReportOutline
{
    public static Outline Of(StatusReport r)
    {
        var d = r.Dialogue;
        var c = Figures.Of(r);
        var names = r.Names;
        var asOf = r.Freshness is null ? r.Axes.ToString() : $"status on {r.Today:yyyy-MM-dd}";
        return new Outline(
            d.Title,
            $"{string.Join(" – ", d.Parties)}{(d.Subject is null ? "" : " · " + d.Subject)} · opened {d.OpenedOn} · status on {r.Today:yyyy-MM-dd}",
            $"{d.Title} — {asOf}",
            FreshnessLine(r),
            [
                new Section("Key figures", [new Bullets(
                [
                    $"{r.Fields.Count} cooperation fields: {c.Active} active, {c.Stalled} stalled, {c.NothingOpen} with nothing open",
                    $"{c.Commitments} commitments: {c.OpenCommitments} open, {c.Fulfilled} fulfilled",
                    $"{c.Held} meetings held, {c.Scheduled} scheduled",
                    $"{c.OpenItems} of {c.Items} action-plan items open",
                    $"{Score(c.Compliance.Average)} average compliance (-1 to +1) over {c.Compliance.Reviews} latest party reviews",
                    $"{c.Overdue} commitments with a milestone overdue, {c.DueSoon} due within {r.DueSoonDays} days",
                ])]),
                new Section("Commitments by status in each field",
                [
                    new Chart(CommitmentsByStatus(r.Fields), "Each bar is one cooperation field; its segments count the field's commitments in each status."),
                    new Grid(["Field", "Health", .. StatusColours.Select(s => Words.Of(s.Status)), "Total"],
                        [.. r.Fields.Select(f => (IReadOnlyList<string>)[$"{f.Field.Id} · {f.Field.Title}", Words.Of(f.Health), .. Counts(f), $"{f.Field.Commitments.Total}"])],
                        Enumerable.Range(2, StatusColours.Length + 1).ToHashSet()),
                ]),
                new Section("Timeline",
                [
                    new Chart(Charts.Timeline(r.Timeline, d.OpenedOn, r.Today),
                        "Days are dots (a number: that many on the day), several days a bar; a date known only to a month or year is a hatched range over it. Before the dialogue opened: left gutter; not yet dated: right column."),
                    TimelineGrid(r.Timeline),
                ]),
                new Section("Cooperation fields", [.. Fields(r)]),
                new Section("Meetings and their decisions", [.. Meetings(r)]),
                new Section("Action-plan progress",
                [
                    r.Plans.Count == 0
                        ? new Paragraph("No action plan on record.", true)
                        : new Grid(["Plan / field", "Not started", "On track", "Delayed", "Completed", "Dropped", "Done", "Milestones overdue"],
                            [.. r.Plans.Select(p => (IReadOnlyList<string>)[p.FieldCode is null ? $"{p.PlanTitle} ({p.Period})" : $"{p.PlanTitle}: {p.FieldCode}", $"{p.Items.NotStarted}",
                                $"{p.Items.OnTrack}", $"{p.Items.Delayed}", $"{p.Items.Completed}", $"{p.Items.Dropped}", $"{p.PercentDone}%", $"{p.OverdueMilestones}"])],
                            new HashSet<int> { 1, 2, 3, 4, 5, 6, 7 }),
                ]),
                new Section("Commitment register",
                [
                    new Grid(["Commitment", "Field", "Status", "Since", "Days", "Next due", "Fora and agreements"],
                        [.. r.Register.Select(x => (IReadOnlyList<string>)[names.Of(x.Id), x.FieldCode, Words.Of(x.Status), x.StatusSince, $"{x.DaysInStatus}", x.NextDueOn ?? "",
                            string.Join(", ", x.Fora.Concat(x.Agreements))])],
                        new HashSet<int> { 4 }),
                    new Paragraph("Days in status count from the earliest day the status can have begun.", true),
                ]),
                new Section($"Changes since {r.Since:yyyy-MM-dd}", [Changes(r)]),
                new Section("Overdue items", [Overdue(r)]),
            ],
            $"Generated {r.GeneratedAt.UtcDateTime:yyyy-MM-dd HH:mm} UTC from the {(r.Freshness is null ? "events" : "projections")}.");
    }

    private static IEnumerable<string> Counts(FieldLine f) => StatusColours.Select(s => Count(f, s.Status).ToString(CultureInfo.InvariantCulture));

    private static Grid TimelineGrid(IEnumerable<TimelineEntry> entries) =>
        new(["Date", "Kind", "What", "Place", "Status"],
            [.. entries.Select(e => (IReadOnlyList<string>)[e.Dates?.ToString() ?? "not yet fixed", e.Kind, e.Title, e.Place ?? "", e.Status ?? ""])], new HashSet<int>());

    private static IEnumerable<Block> Fields(StatusReport r)
    {
        yield return new Paragraph(
            $"Health: active when something is open and happened within {r.StalledAfterDays} days; stalled when nothing happened for longer; " +
            "nothing open when every commitment is final and no action item is open (the dialogue goes on: a new commitment may still come).", true);
        foreach (var f in r.Fields)
        {
            var s = f.Field;
            yield return new SubHeading($"{s.Id} · {s.Title} — {Words.Of(f.Health)}");
            yield return new Paragraph($"{s.Commitments.Total} commitments ({s.Commitments.Open} open, {s.Commitments.Fulfilled} fulfilled); " +
                                       $"{s.OpenActionItems} of {s.ActionItems} action items open; compliance {Score(s.Compliance.Average)}; " +
                                       $"last activity {s.LastActivityOn?.ToString() ?? "none"}" +
                                       (s.Agencies.Count > 0 ? $"; agencies: {string.Join(", ", s.Agencies)}." : "."));
            var rows = r.Register.Where(x => x.FieldCode == s.Id).ToList();
            yield return rows.Count == 0
                ? new Paragraph("No commitment in this field.", true)
                : new Grid(["Commitment", "Status", "Since", "Text"], [.. rows.Select(x => (IReadOnlyList<string>)[r.Names.Of(x.Id), Words.Of(x.Status), x.StatusSince, x.Text])],
                    new HashSet<int>());
        }
    }

    private static IEnumerable<Block> Meetings(StatusReport r)
    {
        if (r.Meetings.Count == 0) yield return new Paragraph("No meeting on record.", true);
        foreach (var m in r.Meetings)
        {
            yield return new SubHeading(m.Title);
            yield return new Paragraph($"{m.Date} · {m.Place} · {Words.Of(m.Kind)} · {Words.Of(m.Status)}", true);
            if (m.Outcome is not null) yield return new Paragraph(m.Outcome);
            if (m.CancellationReason is not null) yield return new Paragraph($"Cancelled: {m.CancellationReason}");
            if (m.Decisions.Count > 0)
            {
                yield return new Paragraph("Decisions:");
                yield return new Bullets(m.Decisions);
            }

            List<string> came =
            [
                .. m.StatementsAdopted.Select(st => $"Adopted: {st.Title ?? r.Names.Of(st.Id)} ({st.AdoptedOn}; {string.Join(", ", st.Signatories)})"),
                .. m.CommitmentCount > 0
                    ? [$"{m.CommitmentCount} commitments made at it or drawn from its statements: " +
                       string.Join(", ", m.CommitmentsMade.GroupBy(x => x.Status).Select(g => $"{g.Count()} {(g.Key is { } k ? Words.Of(k) : "unknown")}"))]
                    : Array.Empty<string>(),
                .. m.PlansReaffirmed.Select(p => $"Reaffirmed: {r.Names.Of(p)}"),
            ];
            if (came.Count > 0) yield return new Bullets(came);
        }
    }

    private static Block Changes(StatusReport r)
    {
        var changed = r.Timeline.Where(e => e.SortDate is { } on && on >= r.Since && on <= r.Today).ToList();
        return changed.Count == 0
            ? new Paragraph($"Nothing on record took effect from {r.Since:yyyy-MM-dd} to {r.Today:yyyy-MM-dd}.", true)
            : TimelineGrid(changed);
    }

    private static Block Overdue(StatusReport r)
    {
        var rows = r.Register
            .SelectMany(x => x.Milestones.Where(m => m.Overdue || m.DueSoon).Select(m => (IReadOnlyList<string>)
                [r.Names.Of(x.Id), x.FieldCode, m.Title, m.DueOn, m.Overdue ? "overdue" : "due soon"]))
            .ToList();
        var plans = r.Plans.Where(p => p.FieldCode is null && p.OverdueMilestones > 0)
            .Select(p => (IReadOnlyList<string>)[p.PlanTitle, "", $"{p.OverdueMilestones} action-item milestones", "", "overdue"]);
        rows.AddRange(plans);
        return rows.Count == 0
            ? new Paragraph($"No milestone is overdue or due within {r.DueSoonDays} days of {r.Today:yyyy-MM-dd}.", true)
            : new Grid(["Commitment or plan", "Field", "Milestone", "Due on", "State"], rows, new HashSet<int>());
    }

    /// <summary>A compliance average as the report prints it: "+0.50", "-1.00", or "—" when nothing was assessed.</summary>
    public static string Score(double? average) => average is { } a ? a.ToString("+0.00;-0.00;0.00", CultureInfo.InvariantCulture) : "—";

    /// <summary>What the report was computed from: the projections and how far they have come, or the axes it was replayed on.</summary>
    private static string FreshnessLine(StatusReport r) => r.Freshness switch
    {
        null => $"The record {r.Axes}, replayed from its events.",
        { IsCurrent: true } f => $"Reflects every event recorded (up to #{f.Sequence}).",
        var f => $"Reporting views reflect events up to #{f.Sequence} of #{f.HighWaterMark}"
                 + (f.AsOf is { } asOf ? $" (recorded up to {asOf.UtcDateTime:yyyy-MM-dd HH:mm} UTC)." : "."),
    };

    private sealed record Figures(int Active, int Stalled, int NothingOpen, int Commitments, int OpenCommitments, int Fulfilled, int Held, int Scheduled, int OpenItems,
        int Items, ComplianceTally Compliance, int Overdue, int DueSoon)
    {
        public static Figures Of(StatusReport r) => new(
            r.Fields.Count(f => f.Health == FieldHealth.Active),
            r.Fields.Count(f => f.Health == FieldHealth.Stalled),
            r.Fields.Count(f => f.Health == FieldHealth.NothingOpen),
            r.Fields.Sum(f => f.Field.Commitments.Total),
            r.Fields.Sum(f => f.Field.Commitments.Open),
            r.Fields.Sum(f => f.Field.Commitments.Fulfilled),
            r.Meetings.Count(m => m.Status == Domain.Meetings.MeetingStatus.Held),
            r.Meetings.Count(m => m.Status == Domain.Meetings.MeetingStatus.Scheduled),
            r.Fields.Sum(f => f.Field.OpenActionItems),
            r.Fields.Sum(f => f.Field.ActionItems),
            ComplianceTally.Of(r.Fields.Select(f => f.Field.Compliance)),
            r.Register.Count(x => x.Overdue),
            r.Register.Count(x => x.DueSoon));
    }
}
