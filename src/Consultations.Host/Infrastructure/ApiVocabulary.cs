namespace Consultations.Host.Infrastructure;

/// <summary>
/// What each query, path and header parameter of the API means, with an example, written once for the OpenAPI
/// document (ADR 0033): the same name means the same thing on every route.
/// </summary>
public static class ApiVocabulary
{
    public static readonly IReadOnlyDictionary<string, (string Description, string Example)> Parameters = new Dictionary<string, (string, string)>
    {
        ["id"] = ("The record's id, as it was given when the record was started.", "jpit-06-solar-c"),
        ["code"] = ("The cooperation field's code.", "JPIT-06"),
        ["itemId"] = ("The action item's id within its plan.", "ap-solar-c-data"),
        ["milestoneId"] = ("The milestone's id within its commitment or action item.", "design-review"),
        ["dialogue"] = ("Only this dialogue's records (its id).", "japan-italy-space"),
        ["field"] = ("Only this cooperation field's records (its code).", "JPIT-06"),
        ["status"] = ("Only records with this status (kebab-case, as the API writes it).", "in-progress"),
        ["party"] = ("Only records one of whose parties is this one.", "Italy"),
        ["agency"] = ("Only records naming this agency.", "JAXA"),
        ["programme"] = ("Only records naming this programme.", "SOLAR-C"),
        ["forum"] = ("Only commitments naming this forum.", "COPUOS"),
        ["agreement"] = ("Only commitments naming this agreement.", "Artemis Accords"),
        ["lead"] = ("Only records whose lead (of any party) is this agency or office.", "ASI"),
        ["health"] = ("Only fields with this health: active, stalled or nothing-open.", "active"),
        ["kind"] = ("Only items of this kind.", "meeting"),
        ["from"] = ("The range's first day; a partial date (yyyy, yyyy-MM or yyyy-MM-dd), or on /api/audit and /api/changes an ISO-8601 instant.", "2026-05-01"),
        ["to"] = ("The range's last day, as `from`.", "2026-06-30"),
        ["since"] = ("The first day (yyyy-MM-dd) of the report's \"changes since\" section; 90 days before the day viewed unless given.", "2026-06-01"),
        ["dueBefore"] = ("Only commitments with a milestone not met that falls due before this day (yyyy-MM-dd).", "2027-01-01"),
        ["overdue"] = ("true: only commitments with a milestone overdue on the day viewed.", "true"),
        ["recordedAt"] = ("Replay: the record as it stood at this instant (ISO-8601 with an offset). Needs the auditor role.", "2026-06-16T12:00:00Z"),
        ["effectiveOn"] = ("Replay: the world as it was on this day (yyyy-MM-dd), according to the record. Needs the auditor role.", "2026-06-30"),
        ["format"] = ("The answer's format.", "csv"),
        ["page"] = ("The page to answer, from 1; a page past the last is a 400.", "1"),
        ["pageSize"] = ($"Items a page, {Paging.DefaultPageSize} unless given, at most {Paging.MaxPageSize}.", "50"),
        ["q"] = ("The words to search for (web-search syntax: \"a phrase\", -excluded, or).", "solar physics"),
        ["record"] = ("One record's id (a commitment, meeting, statement, plan, field or dialogue).", "jpit-06-solar-c"),
        ["axis"] = ("recorded (default): what was recorded between two instants; effective: what took effect between two days.", "recorded"),
        ["digest"] = ("A digest kept earlier (POSITION:HASH): verification also checks history up to it was not rewritten.", "62:9f2c…"),
    };

    public const string IfMatch = "The version of the record you last read (the ETag it was answered with): the write is refused with 409 `stale-version` if the record has changed since.";
    public const string IdempotencyKey = "A key unique to this request: a retry with the same key gets the first answer again (`Idempotent-Replayed: true`) and appends nothing; the same key for another request is 422.";
}
