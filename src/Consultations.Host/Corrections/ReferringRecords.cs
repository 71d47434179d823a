using Npgsql;

namespace Consultations.Host.Corrections;

/// <summary>
/// The other records that may refer to a record: those with an event naming the record's id anywhere in its data (a
/// JSON path search over the stored events), and those this unit has entries for that are not saved yet (an import).
/// The pure <see cref="RecordReferences"/> then decides which of their live entries depend on the entry to void.
/// </summary>
public static class ReferringRecords
{
    public static async Task<IReadOnlyList<OtherRecord>> LoadAsync(Recorder recorder, string recordId, CancellationToken ct)
    {
        var ids = new HashSet<string>(recorder.PendingRecords(), StringComparer.Ordinal);
        ids.UnionWith(await IdsAsync(recorder.Session.DocumentStore, recordId, ct));
        var others = new List<OtherRecord>();
        foreach (var id in ids.Order(StringComparer.Ordinal)) others.Add(new OtherRecord(id, await recorder.EntriesAsync(id, ct)));
        return others;
    }

    /// <summary>The same records as stored, for a page that shows which entries a void would be refused on (nothing pending).</summary>
    public static async Task<IReadOnlyList<OtherRecord>> LoadAsync(IQuerySession session, string recordId, CancellationToken ct)
    {
        var others = new List<OtherRecord>();
        foreach (var id in (await IdsAsync(session.DocumentStore, recordId, ct)).Order(StringComparer.Ordinal))
            others.Add(new OtherRecord(id, [.. (await session.Events.FetchStreamAsync(id, token: ct)).Select(e => new Entry(e.Id, e.Version, e.Data))]));
        return others;
    }

    private static async Task<HashSet<string>> IdsAsync(IDocumentStore store, string recordId, CancellationToken ct)
    {
        var ids = new HashSet<string>(StringComparer.Ordinal);
        await using (var connection = store.Storage.Database.CreateConnection())
        {
            await connection.OpenAsync(ct);
            await using var command = new NpgsqlCommand(
                $"select distinct stream_id from \"{store.Options.Events.DatabaseSchemaName}\".mt_events "
                + "where stream_id <> $1 and jsonb_path_exists(data, $2::jsonpath, jsonb_build_object('id', $1::text))", connection);
            command.Parameters.Add(new NpgsqlParameter { Value = recordId });
            command.Parameters.Add(new NpgsqlParameter { Value = "$.** ? (@ == $id)" });
            await using var reader = await command.ExecuteReaderAsync(ct);
            while (await reader.ReadAsync(ct)) ids.Add(reader.GetString(0));
        }

        ids.Remove(recordId);
        return ids;
    }
}
