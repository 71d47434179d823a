using Consultations.Host.Reports;
using Consultations.Projections.ActionPlans;
using Consultations.Projections.Fields;
using JasperFx.Events;
using Marten.Linq.MatchesSql;

namespace Consultations.Host.CooperationFields;

public sealed record TouchView(string Id, string Title, string On, string Link);

public sealed record CommitmentBrief(string Id, string Text, CommitmentStatus Status, string StatusSince);

public sealed record FieldView(
    string Code,
    string DialogueId,
    int Number,
    string Title,
    string Scope,
    CommitmentCounts Commitments,
    int ActionItems,
    int OpenActionItems,
    IReadOnlyList<string> Agencies,
    IReadOnlyList<string> Programmes,
    TouchView? LatestMeeting,
    TouchView? LatestStatement,
    string? LastActivityOn,
    IReadOnlyList<CommitmentBrief>? CommitmentList = null,
    ItemCounts? ActionItemsByProgress = null,
    FieldHealth? Health = null,
    int? DaysSinceLastActivity = null,
    IReadOnlyDictionary<string, PartyShare>? ByParty = null,
    ComplianceTally? Compliance = null);

public static class FieldQueries
{
    /// <summary>
    /// Every cooperation field with its status, in the order of its dialogue's numbering. With <c>recordedAt</c> (an
    /// ISO-8601 instant) and/or <c>effectiveOn</c> (yyyy-MM-dd), the status replayed on those time axes.
    /// </summary>
    [WolverineGet("/api/fields", OperationId = "listFields"), Tags("Cooperation fields")]
    public static async Task<Listed<FieldView>> List(string? dialogue, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, ReportingOptions reporting, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var subject = Subject.Of(dialogue);
        var fields = axes.IsNow
            ? await FieldStatuses.ListAsync(session, subject, ct)
            : FieldStatuses.InOrder(await RecordAsOf.GatherAsync(session, axes, subject, r => r.Fields().Values, ct), subject);

        var titles = await TitlesAsync(session, fields, ct);
        return Listed<FieldView>.Of([.. fields.Select(f => View(f, titles, clock, reporting))]);
    }

    /// <summary>One field's status with its commitments, its <c>version</c> and its own <c>history</c>; <c>recordedAt</c>/<c>effectiveOn</c> replay it on those time axes.</summary>
    [WolverineGet("/api/fields/{code}", OperationId = "getField"), Tags("Cooperation fields")]
    public static async Task<WithHistory<FieldView>> Get(string code, string? recordedAt, string? effectiveOn, IQuerySession session, TimeProvider clock, ReportingOptions reporting, CancellationToken ct)
    {
        var axes = Axes.Read(recordedAt, effectiveOn, clock);
        var subject = Subject.Of(field: code);
        FieldStatus? field;
        IReadOnlyList<Commitment> commitments;
        // The field's own history is its own stream's: its definition and scope revisions. What other records did in the
        // field is in their histories (and in the audit trail).
        IReadOnlyList<IEvent> stream;
        if (axes.IsNow)
        {
            // One round trip for the field's footprints, its commitments and its own stream (ADR 0063).
            var batch = session.CreateBatchQuery();
            var footprints = batch.Query<RecordFootprint>()
                .Where(f => f.MatchesSql(Subject.FieldCodesContain, System.Text.Json.JsonSerializer.Serialize(new[] { code }))).ToList();
            var stored = batch.Query<Commitment>().Where(c => c.FieldCode == code).OrderBy(c => c.Id).ToList();
            var own = batch.Events.FetchStream(code);
            await batch.Execute(ct);
            field = FieldStatuses.InOrder(FieldStatusFold.Merge(await footprints).Values, subject).SingleOrDefault();
            commitments = await stored;
            stream = await own;
        }
        else
        {
            var replay = await RecordAsOf.LoadAsync(session, axes, subject, ct);
            field = replay.Fields().GetValueOrDefault(code);
            commitments = [.. replay.Records<Commitment>(CommitmentDecider.Evolve).Where(c => c.FieldCode == code).OrderBy(c => c.Id, StringComparer.Ordinal)];
            stream = field is null ? [] : await session.Events.FetchStreamAsync(code, timestamp: axes.RecordedAt, token: ct);
        }

        if (field is null) throw new RecordNotFound("cooperation field", code, axes.IsNow ? null : axes.ToString());
        var titles = await TitlesAsync(session, [field], ct);
        var view = View(field, titles, clock, reporting) with
        {
            CommitmentList = [.. commitments.Select(c => new CommitmentBrief(c.Id, c.Text, c.Status, c.StatusSince.ToString()))],
        };
        return new WithHistory<FieldView>(view, stream.Count == 0 ? 0 : stream[^1].Version, RecordHistory.Of(stream));
    }

    private static async Task<Dictionary<string, string>> TitlesAsync(IQuerySession session, IReadOnlyList<FieldStatus> fields, CancellationToken ct)
    {
        var meetingIds = fields.Select(f => f.LatestMeeting?.Id).OfType<string>().Distinct().ToArray();
        var statementIds = fields.Select(f => f.LatestStatement?.Id).OfType<string>().Distinct().ToArray();
        var meetings = meetingIds.Length == 0 ? [] : await session.LoadManyAsync<Meeting>(ct, meetingIds);
        var statements = statementIds.Length == 0 ? [] : await session.LoadManyAsync<JointStatement>(ct, statementIds);
        return meetings.Select(m => KeyValuePair.Create("meeting:" + m.Id, m.Title))
            .Concat(statements.Select(s => KeyValuePair.Create("statement:" + s.Id, s.Title)))
            .ToDictionary();
    }

    private static FieldView View(FieldStatus f, Dictionary<string, string> titles, TimeProvider clock, ReportingOptions reporting) =>
        View(f, titles) with
        {
            ActionItemsByProgress = f.ActionItemsByProgress,
            // Each party's counts: its commitments by status and by its own progress, and its compliance (ADR 0025).
            ByParty = new SortedDictionary<string, PartyShare>(f.ByParty, StringComparer.Ordinal),
            Compliance = f.Compliance,
            Health = FieldHealthRule.Of(f, Today(clock), reporting.StalledAfterDays),
            DaysSinceLastActivity = f.LastActivityOn is { } last ? Math.Max(0, Today(clock).DayNumber - last.Latest.DayNumber) : null,
        };

    private static DateOnly Today(TimeProvider clock) => DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);

    private static FieldView View(FieldStatus f, Dictionary<string, string> titles) => new(
        f.Id, f.DialogueId, f.Number, f.Title, f.Scope, f.Commitments, f.ActionItems, f.OpenActionItems, f.Agencies, f.Programmes,
        f.LatestMeeting is { } m ? new TouchView(m.Id, titles.GetValueOrDefault("meeting:" + m.Id, m.Id), m.On.ToString(), $"/api/meetings/{m.Id}") : null,
        f.LatestStatement is { } s ? new TouchView(s.Id, titles.GetValueOrDefault("statement:" + s.Id, s.Id), s.On.ToString(), $"/api/statements/{s.Id}") : null,
        f.LastActivityOn?.ToString());
}
