using System.Text.Json.Nodes;
using Consultations.Domain.Meetings;
using Consultations.Host.Infrastructure;
using Consultations.Projections.Fields;
using Consultations.Projections.Timeline;

namespace Consultations.Host.Exports;

/// <summary>The CSV columns (JSON paths of each item) and extra filters of every list that can be exported.</summary>
public static class ExportShapes
{
    private static readonly string[] CommitmentStatuses = ["proposed", "agreed", "inProgress", "fulfilled", "lapsed", "withdrawn", "superseded"];
    private static readonly string[] ItemProgresses = ["notStarted", "onTrack", "delayed", "completed", "dropped"];

    public static IReadOnlyDictionary<string, ExportShape> All { get; } = new Dictionary<string, ExportShape>(StringComparer.OrdinalIgnoreCase)
    {
        ["/api/fields"] = new("fields",
            Columns("code", "number", "title", "dialogueId", "health", "lastActivityOn", "daysSinceLastActivity")
                .AddEach("commitments_", "commitments.", [.. CommitmentStatuses, "open", "total"])
                .AddPath("actionItems").AddPath("openActionItems")
                .AddEach("items_", "actionItemsByProgress.", ItemProgresses)
                .AddPath("agencies").AddPath("programmes")
                .AddPath("latestMeeting", "latestMeeting.id").AddPath("latestMeetingOn", "latestMeeting.on")
                .AddPath("latestStatement", "latestStatement.id").AddPath("latestStatementOn", "latestStatement.on")
                .AddPath("scope")
                .AddPath("complianceAverage", "compliance.average").AddPath("complianceReviews", "compliance.reviews"),
            [
                ListFilter.Equal("field", "code", "Only this field (code)."),
                ListFilter.OneOf("health", "health", "Only fields of this health.", QueryValues.Names<FieldHealth>()),
                ListFilter.Contains("agency", "agencies", "Only fields an agency works in."),
            ]),
        ["/api/timeline"] = new("timeline",
            Columns("effectiveOn", "effectiveTo", "date", "precision", "kind", "title", "place", "status", "summary", "fieldCodes", "parties",
                "dialogueId", "recordKind", "recordId", "link", "id"),
            [
                ListFilter.Contains("party", "parties", "Only entries naming this party."),
                ListFilter.Contains("field", "fieldCodes", "Only entries concerning this field (code)."),
                ListFilter.OneOf("status", "status", "Only entries with this status.", TimelineVocabulary.Statuses),
            ]),
        ["/api/commitments"] = new("commitments",
            Columns("id", "dialogueId", "fieldCode", "status", "statusSince", "madeOn", "text", "parties", "agencies", "programmes")
                .AddPath("sourceKind", "source.kind").AddPath("sourceId", "source.id").AddPath("sourcePart", "source.part")
                .AddPath("supersededBy").AddPath("amendments"),
            [
                ListFilter.Contains("party", "parties", "Only commitments made by this party."),
                ListFilter.Contains("agency", "agencies", "Only commitments of this agency."),
                ListFilter.Contains("programme", "programmes", "Only commitments of this programme."),
                ListFilter.AnyAt("lead", "leads[].lead", "Only commitments this agency or office leads for a party."),
                .. ListFilter.DateRange("Only commitments made or changing status in the range.", "madeOn", "statusHistory[].effectiveOn"),
            ]),
        ["/api/reports/commitment-register"] = new("commitment-register",
            Columns("id", "dialogueId", "fieldCode", "fieldTitle", "status", "statusSince", "daysInStatus", "madeOn")
                .AddEach("", "statusDates.", [.. CommitmentStatuses.Select(s => s + "On")])
                .AddPath("text").AddPath("parties").AddPath("agencies").AddPath("programmes")
                .AddPath("sourceKind", "source.kind").AddPath("sourceId", "source.id").AddPath("sourcePart", "source.part")
                .AddPath("supersededBy").AddPath("amendments").AddPath("final").AddPath("link")
                .Add("partyProgress", n => Pairs(n, "partyProgress", "party", "progress", "unknown"))
                .Add("leads", n => Pairs(n, "leads", "party", "lead", ""))
                .AddPath("complianceAverage", "compliance.average").AddPath("complianceReviews", "compliance.reviews")
                .Add("milestones", n => Pairs(n, "milestones", "milestoneId", "dueOn", ""))
                .AddPath("nextDueOn").AddPath("overdue").AddPath("dueSoon"),
            [
                ListFilter.Contains("party", "parties", "Only commitments made by this party."),
                ListFilter.Contains("agency", "agencies", "Only commitments of this agency."),
                ListFilter.Contains("programme", "programmes", "Only commitments of this programme."),
                ListFilter.AnyAt("lead", "leads[].lead", "Only commitments this agency or office leads for a party."),
                ListFilter.DueBefore("dueBefore", "milestones", "Only commitments with a milestone not met that can fall due before this day (yyyy-MM-dd, yyyy-MM or yyyy)."),
                ListFilter.Flag("overdue", "overdue", "Only commitments with (true) or without (false) a milestone overdue on the day viewed."),
                .. ListFilter.DateRange("Only commitments made or changing status in the range.", "madeOn", "steps[].on"),
            ]),
        ["/api/reports/meetings"] = new("meetings",
            Columns("id", "kind", "title", "place", "status", "date", "outcome", "decisions", "fieldCodes", "statementsAdopted", "commitmentsMade",
                "commitmentCount", "plansReaffirmed", "parties", "participants", "dialogueId", "link"),
            [
                ListFilter.Contains("party", "parties", "Only meetings of this party."),
                ListFilter.Contains("field", "fieldCodes", "Only meetings whose outcome concerns this field."),
                ListFilter.OneOf("status", "status", "Only meetings with this status.", QueryValues.Names<MeetingStatus>()),
                .. ListFilter.DateRange("Only meetings that may fall in the range.", "dates.from", "dates.to"),
            ]),
        ["/api/search"] = new("search",
            Columns("kind", "id", "recordKind", "recordId", "dialogueId", "title", "snippet", "rank", "fieldCodes", "parties", "link"),
            [ListFilter.Contains("party", "parties", "Only results naming this party (clauses and action items: their dialogue's parties).")]),
        ["/api/reports/action-plans"] = new("action-plan-progress",
            Columns("planId", "planTitle", "fieldCode", "dialogueId")
                .AddEach("items_", "items.", [.. ItemProgresses, "open", "total"])
                .AddPath("percentDone").AddPath("lastActivityOn").AddPath("overdueMilestones").AddPath("milestonesDueSoon"),
            [ListFilter.Equal("field", "fieldCode", "Only rows of this field (code); the plan's own total row has no field.")]),
    };

    /// <summary>A list of objects in one cell: "Japan: in-progress; Italy: unknown".</summary>
    private static string Pairs(JsonNode node, string list, string key, string value, string missing) =>
        Json.At(node, list) is JsonArray items
            ? string.Join("; ", items.Select(i => $"{Json.Text(Json.At(i, key))}: {Json.Text(Json.At(i, value)) ?? missing}".TrimEnd(' ', ':')))
            : "";

    private static CsvColumns<JsonNode> Columns(params string[] paths)
    {
        var columns = new CsvColumns<JsonNode>();
        foreach (var path in paths) columns.AddPath(path);
        return columns;
    }

    private static CsvColumns<JsonNode> AddPath(this CsvColumns<JsonNode> columns, string header, string? path = null) =>
        columns.Add(header, n => Json.Text(Json.At(n, path ?? header)));

    private static CsvColumns<JsonNode> AddEach(this CsvColumns<JsonNode> columns, string headerPrefix, string pathPrefix, IEnumerable<string> names)
    {
        foreach (var name in names) columns.AddPath(headerPrefix + name, pathPrefix + name);
        return columns;
    }
}
