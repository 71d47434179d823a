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
        var store = recorder.Session.DocumentStore;
        var ids = new HashSet<string>(recorder.PendingRecords(), StringComparer.Ordinal);
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
        var others = new List<OtherRecord>();
        foreach (var id in ids.Order(StringComparer.Ordinal)) others.Add(new OtherRecord(id, await recorder.EntriesAsync(id, ct)));
        return others;
    }
}
