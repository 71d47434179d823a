using System.Reflection;
using Consultations.Projections.Records;
using Consultations.Projections.Timeline;
using JasperFx.Events;
using JasperFx.Events.Projections;
using Marten;
using Npgsql;

namespace Consultations.Projections.Rebuilding;

/// <summary>
/// The documents the views fed by one stream hold for it: each <see cref="IStreamFold"/> projection's document and the
/// timeline's entries (an entry is fed by one record's stream, ADR 0017), folded from the stream's live entries. Shared by
/// the bulk rebuild (ADR 0049) and the bulk import (ADR 0050), so both store what Marten's own processing stores.
/// </summary>
public sealed class StreamDocuments(IReadOnlyList<IStreamFold> folds, bool timeline)
{
    /// <summary>
    /// The store's inline views, when each is one this class folds; null otherwise (a new inline projection must then be
    /// added here before a write may bypass Marten's inline processing).
    /// </summary>
    public static StreamDocuments? ForInline(IDocumentStore store)
    {
        var inline = store.Options.Events.Projections().OfType<ProjectionBase>().Where(p => p.Lifecycle == ProjectionLifecycle.Inline).ToList();
        if (inline.Any(p => p is not (IStreamFold or TimelineProjection))) return null;
        return new StreamDocuments([.. inline.OfType<IStreamFold>()], inline.OfType<TimelineProjection>().Any());
    }

    public IEnumerable<Type> DocumentTypes => folds.Select(f => f.DocumentType).Concat(timeline ? [typeof(TimelineEntry)] : []).Distinct();

    /// <summary>Adds to <paramref name="into"/> every document the views hold for a stream, from its live entries (<see cref="Refolding.Live"/>).</summary>
    public void Fold(string key, IReadOnlyList<IEvent> live, ICollection<object> into)
    {
        foreach (var fold in folds)
            if (fold.Fold(key, live) is { } document) into.Add(document);

        if (!timeline) return;
        var entries = new Dictionary<string, TimelineEntry?>(StringComparer.Ordinal);
        foreach (var e in live)
            if (TimelineFold.EntryId(e.Data) is { } id) entries[id] = TimelineFold.Evolve(entries.GetValueOrDefault(id), e.Data);
        foreach (var (id, entry) in entries)
        {
            if (entry is null) continue;
            entry.Id = id;
            into.Add(entry);
        }
    }

    /// <summary>
    /// Inserts documents by binary COPY with Marten's own bulk loader of each type (its serializer, metadata and duplicated
    /// columns), on the caller's connection, so they commit with whatever else the caller's transaction holds.
    /// </summary>
    public static async Task CopyAsync(IDocumentStore store, NpgsqlConnection connection, IEnumerable<object> documents, CancellationToken ct)
    {
        foreach (var group in documents.GroupBy(d => d.GetType()))
        {
            await store.Storage.Database.EnsureStorageExistsAsync(group.Key, ct);
            var copy = CopyOfType.MakeGenericMethod(group.Key);
            await (Task)copy.Invoke(null, [store, connection, group, ct])!;
        }
    }

    private static readonly MethodInfo CopyOfType = typeof(StreamDocuments).GetMethod(nameof(CopyTypedAsync), BindingFlags.NonPublic | BindingFlags.Static)!;

    private static Task CopyTypedAsync<T>(IDocumentStore store, NpgsqlConnection connection, IEnumerable<object> documents, CancellationToken ct) where T : notnull
    {
        var tenant = store.Options.Tenancy.Default;
        var loader = ((Marten.Internal.Storage.MartenDocumentProvider<T>)tenant.Database.Providers.StorageFor<T>()).BulkLoader;
        return loader.LoadAsync(tenant, store.Options.Serializer(), connection, documents.Cast<T>(), ct);
    }
}
