using Consultations.Host.CooperationFields;
using Consultations.Host.Reports;
using Consultations.Host.Search;
using Consultations.Host.Timeline;
using Consultations.Projections.Fields;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Exports;

/// <summary>What a list offers besides its pages: its CSV file name and columns (none: JSON only) and the filters its endpoint does not read itself.</summary>
public sealed record ListShape<T>(string? FileName, CsvColumns<T>? Columns, IReadOnlyList<ListFilter<T>> Filters) : IListShape
{
    public static ListShape<T> Plain { get; } = new(null, null, []);

    public IEnumerable<(string Name, string Description)> FilterParameters => Filters.Select(f => (f.Parameter, f.Description));
}

public interface IListShape
{
    IEnumerable<(string Name, string Description)> FilterParameters { get; }
}

/// <summary>The lists that export CSV, one shape a row type; every other list is <see cref="ListShape{T}.Plain"/>.</summary>
public static class ListShapes
{
    private static readonly string[] CommitmentStatuses = [.. Enum.GetValues<CommitmentStatus>().Select(s => Camel(s.ToString()))];
    private static readonly string[] ItemProgresses = ["notStarted", "onTrack", "delayed", "completed", "dropped"];

    private static readonly Dictionary<Type, IListShape> Shapes = new()
    {
        [typeof(FieldView)] = new ListShape<FieldView>("fields",
            new CsvColumns<FieldView>()
                .Add("code", f => f.Code).Add("number", f => f.Number).Add("title", f => f.Title).Add("dialogueId", f => f.DialogueId)
                .Add("health", f => f.Health).Add("lastActivityOn", f => f.LastActivityOn).Add("daysSinceLastActivity", f => f.DaysSinceLastActivity)
                .AddEach("commitments_", [.. CommitmentStatuses, "open", "total"], (f, name) => Count(f.Commitments, name))
                .Add("actionItems", f => f.ActionItems).Add("openActionItems", f => f.OpenActionItems)
                .AddEach("items_", ItemProgresses, (f, name) => f.ActionItemsByProgress is { } items ? Count(items, name) : null)
                .Add("agencies", f => f.Agencies).Add("programmes", f => f.Programmes)
                .Add("latestMeeting", f => f.LatestMeeting?.Id).Add("latestMeetingOn", f => f.LatestMeeting?.On)
                .Add("latestStatement", f => f.LatestStatement?.Id).Add("latestStatementOn", f => f.LatestStatement?.On)
                .Add("scope", f => f.Scope)
                .Add("complianceAverage", f => f.Compliance?.Average).Add("complianceReviews", f => f.Compliance?.Reviews),
            [
                ListFilter<FieldView>.Equal("field", f => f.Code, "Only this field (code)."),
                ListFilter<FieldView>.OneOf("health", f => f.Health is { } h ? Words.Of(h) : null, "Only fields of this health.", QueryValues.Names<FieldHealth>()),
                ListFilter<FieldView>.Contains("agency", f => f.Agencies, "Only fields an agency works in."),
            ]),
        [typeof(TimelineItem)] = new ListShape<TimelineItem>("timeline",
            new CsvColumns<TimelineItem>()
                .Add("effectiveOn", e => e.EffectiveOn).Add("effectiveTo", e => e.EffectiveTo).Add("date", e => e.Date).Add("precision", e => e.Precision)
                .Add("kind", e => e.Kind).Add("title", e => e.Title).Add("place", e => e.Place).Add("status", e => e.Status).Add("summary", e => e.Summary)
                .Add("fieldCodes", e => e.FieldCodes).Add("parties", e => e.Parties).Add("dialogueId", e => e.DialogueId)
                .Add("recordKind", e => e.RecordKind).Add("recordId", e => e.RecordId).Add("link", e => e.Link).Add("id", e => e.Id),
            [
                ListFilter<TimelineItem>.Contains("party", e => e.Parties, "Only entries naming this party."),
                ListFilter<TimelineItem>.Contains("field", e => e.FieldCodes, "Only entries concerning this field (code)."),
                ListFilter<TimelineItem>.OneOf("status", e => e.Status, "Only entries with this status.", TimelineVocabulary.Statuses),
            ]),
        [typeof(Commitment)] = new ListShape<Commitment>("commitments",
            new CsvColumns<Commitment>()
                .Add("id", c => c.Id).Add("dialogueId", c => c.DialogueId).Add("fieldCode", c => c.FieldCode).Add("status", c => c.Status)
                .Add("statusSince", c => c.StatusSince).Add("madeOn", c => c.MadeOn).Add("text", c => c.Text).Add("textIs", c => c.TextIs)
                .Add("quote", c => c.Quote).Add("parties", c => c.Parties).Add("agencies", c => c.Agencies).Add("programmes", c => c.Programmes)
                .Add("fora", c => c.Fora).Add("agreements", c => c.Agreements).Add("documentId", c => c.DocumentId)
                .Add("sourceKind", c => c.Source.Kind).Add("sourceId", c => c.Source.Id).Add("sourcePart", c => c.Source.Part)
                .Add("supersededBy", c => c.SupersededBy).Add("amendments", c => c.Amendments),
            [
                ListFilter<Commitment>.Contains("party", c => c.Parties, "Only commitments made by this party."),
                ListFilter<Commitment>.Contains("forum", c => c.Fora, "Only commitments naming this forum (COPUOS, G7, …)."),
                ListFilter<Commitment>.Contains("agreement", c => c.Agreements, "Only commitments under this agreement (Artemis Accords, …)."),
                ListFilter<Commitment>.Contains("agency", c => c.Agencies, "Only commitments of this agency."),
                ListFilter<Commitment>.Contains("programme", c => c.Programmes, "Only commitments of this programme."),
                ListFilter<Commitment>.Contains("lead", c => c.Leads.Select(l => l.Lead), "Only commitments this agency or office leads for a party."),
                .. ListFilter<Commitment>.DateRange("Only commitments made or changing status in the range.",
                    c => [c.MadeOn.ToString(), .. c.StatusHistory.Select(s => s.EffectiveOn.ToString())]),
            ]),
        [typeof(RegisterRow)] = new ListShape<RegisterRow>("commitment-register",
            new CsvColumns<RegisterRow>()
                .Add("id", r => r.Id).Add("dialogueId", r => r.DialogueId).Add("fieldCode", r => r.FieldCode).Add("fieldTitle", r => r.FieldTitle)
                .Add("status", r => r.Status).Add("statusSince", r => r.StatusSince).Add("daysInStatus", r => r.DaysInStatus).Add("madeOn", r => r.MadeOn)
                .AddEach("", CommitmentStatuses.Select(s => s + "On"), (r, name) => r.StatusDates.GetValueOrDefault(name))
                .Add("text", r => r.Text).Add("parties", r => r.Parties).Add("agencies", r => r.Agencies).Add("programmes", r => r.Programmes)
                .Add("sourceKind", r => r.Source.Kind).Add("sourceId", r => r.Source.Id).Add("sourcePart", r => r.Source.Part)
                .Add("supersededBy", r => r.SupersededBy).Add("amendments", r => r.Amendments).Add("final", r => r.Final).Add("link", r => r.Link)
                .Add("partyProgress", r => Pairs(r.PartyProgress.Select(p => (p.Party, p.Progress is { } progress ? Words.Of(progress) : "unknown"))))
                .Add("leads", r => Pairs(r.Leads.Select(l => (l.Party, l.Lead))))
                .Add("complianceAverage", r => r.Compliance.Average).Add("complianceReviews", r => r.Compliance.Reviews)
                .Add("milestones", r => Pairs(r.Milestones.Select(m => (m.MilestoneId, m.DueOn))))
                .Add("nextDueOn", r => r.NextDueOn).Add("overdue", r => r.Overdue).Add("dueSoon", r => r.DueSoon),
            [
                ListFilter<RegisterRow>.Contains("party", r => r.Parties, "Only commitments made by this party."),
                ListFilter<RegisterRow>.Contains("agency", r => r.Agencies, "Only commitments of this agency."),
                ListFilter<RegisterRow>.Contains("programme", r => r.Programmes, "Only commitments of this programme."),
                ListFilter<RegisterRow>.Contains("lead", r => r.Leads.Select(l => l.Lead), "Only commitments this agency or office leads for a party."),
                ListFilter<RegisterRow>.Before("dueBefore", r => r.Milestones.Where(m => m.MetOn is null).Select(m => m.DueOn),
                    "Only commitments with a milestone not met that can fall due before this day (yyyy-MM-dd, yyyy-MM or yyyy)."),
                ListFilter<RegisterRow>.Flag("overdue", r => r.Overdue, "Only commitments with (true) or without (false) a milestone overdue on the day viewed."),
                .. ListFilter<RegisterRow>.DateRange("Only commitments made or changing status in the range.", r => [r.MadeOn, .. r.Steps.Select(s => s.On)]),
            ]),
        [typeof(MeetingRecordView)] = new ListShape<MeetingRecordView>("meetings",
            new CsvColumns<MeetingRecordView>()
                .Add("id", m => m.Id).Add("kind", m => m.Kind).Add("title", m => m.Title).Add("place", m => m.Place).Add("status", m => m.Status)
                .Add("date", m => m.Date).Add("outcome", m => m.Outcome).Add("decisions", m => m.Decisions).Add("fieldCodes", m => m.FieldCodes)
                .Add("statementsAdopted", m => m.StatementsAdopted.Select(s => s.Id)).Add("commitmentsMade", m => m.CommitmentsMade.Select(c => c.Id))
                .Add("commitmentCount", m => m.CommitmentCount).Add("plansReaffirmed", m => m.PlansReaffirmed).Add("parties", m => m.Parties)
                .Add("participants", m => m.Participants).Add("dialogueId", m => m.DialogueId).Add("link", m => m.Link),
            [
                ListFilter<MeetingRecordView>.Contains("party", m => m.Parties, "Only meetings of this party."),
                ListFilter<MeetingRecordView>.Contains("field", m => m.FieldCodes, "Only meetings whose outcome concerns this field."),
                ListFilter<MeetingRecordView>.OneOf("status", m => Words.Of(m.Status), "Only meetings with this status.", QueryValues.Names<MeetingStatus>()),
                .. ListFilter<MeetingRecordView>.DateRange("Only meetings that may fall in the range.",
                    m => m.Dates is { } dates ? [dates.From.ToString(), dates.To?.ToString()] : [], span: true),
            ]),
        [typeof(SearchResult)] = new ListShape<SearchResult>("search",
            new CsvColumns<SearchResult>()
                .Add("kind", s => s.Kind).Add("id", s => s.Id).Add("recordKind", s => s.RecordKind).Add("recordId", s => s.RecordId)
                .Add("dialogueId", s => s.DialogueId).Add("title", s => s.Title).Add("snippet", s => s.Snippet).Add("rank", s => s.Rank)
                .Add("fieldCodes", s => s.FieldCodes).Add("parties", s => s.Parties).Add("link", s => s.Link),
            [ListFilter<SearchResult>.Contains("party", s => s.Parties, "Only results naming this party (clauses and action items: their dialogue's parties).")]),
        [typeof(ActionPlanProgressRow)] = new ListShape<ActionPlanProgressRow>("action-plan-progress",
            new CsvColumns<ActionPlanProgressRow>()
                .Add("planId", p => p.PlanId).Add("planTitle", p => p.PlanTitle).Add("fieldCode", p => p.FieldCode).Add("dialogueId", p => p.DialogueId)
                .AddEach("items_", [.. ItemProgresses, "open", "total"], (p, name) => Count(p.Items, name))
                .Add("percentDone", p => p.PercentDone).Add("lastActivityOn", p => p.LastActivityOn)
                .Add("overdueMilestones", p => p.OverdueMilestones).Add("milestonesDueSoon", p => p.MilestonesDueSoon),
            [ListFilter<ActionPlanProgressRow>.Equal("field", p => p.FieldCode, "Only rows of this field (code); the plan's own total row has no field.")]),
    };

    public static ListShape<T> Of<T>() => Shapes.TryGetValue(typeof(T), out var shape) ? (ListShape<T>)shape : ListShape<T>.Plain;

    /// <summary>The query parameters a list with rows of <paramref name="row"/> reads besides its endpoint's own: paging, the format and the filters.</summary>
    public static IReadOnlyList<(string Name, string Description)> Parameters(Type row)
    {
        IReadOnlyList<(string, string)> paging =
        [
            (Paging.PageParameter, "The page to answer, from 1; a page past the last is a 400."),
            (Paging.PageSizeParameter, $"Items a page, {Paging.DefaultPageSize} unless given, at most {Paging.MaxPageSize}."),
        ];
        if (!Shapes.TryGetValue(row, out var shape)) return paging;
        return [("format", "json (the default) or csv; Accept: text/csv asks for CSV too."), .. paging, .. shape.FilterParameters];
    }

    private static string Camel(string name) => System.Text.Json.JsonNamingPolicy.CamelCase.ConvertName(name);

    /// <summary>A count read by its JSON member name ("inProgress", "open", "total").</summary>
    private static object? Count(object counts, string name) =>
        counts.GetType().GetProperty(name, System.Reflection.BindingFlags.Public | System.Reflection.BindingFlags.Instance | System.Reflection.BindingFlags.IgnoreCase)?.GetValue(counts);

    /// <summary>A list of pairs in one cell: "Japan: in-progress; Italy: unknown".</summary>
    private static string Pairs<TValue>(IEnumerable<(string Key, TValue Value)> pairs) =>
        string.Join("; ", pairs.Select(p => $"{p.Key}: {p.Value}".TrimEnd(' ', ':')));
}
