namespace Consultations.Host.Reports;

/// <param name="Sequence">The last event sequence the projection has processed.</param>
/// <param name="HighWaterMark">The last event sequence in the store.</param>
/// <param name="AsOf">When the last event the projection has processed was recorded.</param>
public sealed record Freshness(string Projection, long Sequence, long HighWaterMark, DateTimeOffset? AsOf)
{
    public bool IsCurrent => Sequence >= HighWaterMark;

    public long Behind => Math.Max(0, HighWaterMark - Sequence);
}

/// <summary>How far the async projections have come, from Marten's progress table and the event store's last sequence.</summary>
public sealed class ProjectionFreshness(IDocumentStore store)
{
    public const string SequenceHeader = "X-Projection-Sequence";
    public const string HighWaterMarkHeader = "X-Event-Sequence";
    public const string AsOfHeader = "X-Projection-As-Of";
    public const string CurrentHeader = "X-Projection-Current";

    public async Task<IReadOnlyList<Freshness>> AllAsync(CancellationToken ct)
    {
        var progress = await store.Advanced.AllProjectionProgress(token: ct);
        await using var session = store.QuerySession();
        var schema = store.Options.Events.DatabaseSchemaName;
        var highWaterMark = (await session.QueryAsync<long>($"select coalesce(max(seq_id), 0) from {schema}.mt_events", ct)).Single();
        var result = new List<Freshness>();
        foreach (var name in ReportingSetup.AsyncProjections)
        {
            var sequence = progress.Where(p => p.ShardName.StartsWith(name + ":", StringComparison.Ordinal))
                .Select(p => p.Sequence).DefaultIfEmpty(0).Min();
            var asOf = sequence == 0
                ? (DateTimeOffset?)null
                : (await session.QueryAsync<DateTimeOffset>($"select timestamp from {schema}.mt_events where seq_id = ?", ct, sequence)).SingleOrDefault();
            result.Add(new Freshness(name, sequence, highWaterMark, asOf));
        }

        return result;
    }

    /// <summary>The least fresh of the named projections: what a reader that joins them can promise.</summary>
    public async Task<Freshness> OfAsync(IReadOnlyCollection<string> projections, CancellationToken ct)
    {
        var all = await AllAsync(ct);
        return all.Where(f => projections.Contains(f.Projection)).MinBy(f => f.Sequence)
               ?? throw new ArgumentException($"Not an async projection: {string.Join(", ", projections)}");
    }

    public async Task<Freshness> WriteHeadersAsync(HttpResponse response, IReadOnlyCollection<string> projections, CancellationToken ct)
    {
        var freshness = await OfAsync(projections, ct);
        response.Headers[SequenceHeader] = freshness.Sequence.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[HighWaterMarkHeader] = freshness.HighWaterMark.ToString(System.Globalization.CultureInfo.InvariantCulture);
        response.Headers[CurrentHeader] = freshness.IsCurrent ? "true" : "false";
        if (freshness.AsOf is { } asOf) response.Headers[AsOfHeader] = asOf.ToUniversalTime().ToString("O", System.Globalization.CultureInfo.InvariantCulture);
        return freshness;
    }

    /// <summary>
    /// An answer replayed from the events on the auditor's axes: computed from every event recorded up to the instant
    /// asked, so it is current by construction. It says so (<c>X-Projection-Current: true</c>) and leaves off the
    /// sequence and as-of headers, which describe how far a stored projection has come and mean nothing here.
    /// </summary>
    public static void WriteReplayedHeaders(HttpResponse response) => response.Headers[CurrentHeader] = "true";
}
