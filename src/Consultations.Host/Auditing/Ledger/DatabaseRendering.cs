using System.Data;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// The database's own rendering of one event's canonical text (<see cref="LedgerHash.CanonicalSql"/>, the trigger's
/// expression), for a row whose hash did not match as rendered in C#: on a connection of its own, opened on first use in
/// the snapshot of the verification's ordered read, so both see the same rows (docs/adr/0042).
/// </summary>
internal sealed class DatabaseRendering(Func<CancellationToken, Task<NpgsqlConnection>> open, string schema, string snapshot) : IAsyncDisposable
{
    private NpgsqlConnection? _connection;
    private NpgsqlTransaction? _transaction;

    public async Task<bool> MatchesAsync(long position, string previous, string expected, CancellationToken ct)
    {
        if (_connection is null)
        {
            _connection = await open(ct);
            _transaction = await _connection.BeginTransactionAsync(IsolationLevel.RepeatableRead, ct);
            await using var setup = new NpgsqlCommand($"set transaction snapshot '{snapshot.Replace("'", "''", StringComparison.Ordinal)}'; set transaction read only; set local jit = off", _connection, _transaction);
            await setup.ExecuteNonQueryAsync(ct);
        }

        await using var command = new NpgsqlCommand(
            $"""
             select convert_to({LedgerHash.CanonicalSql("e", "s.type")}, 'UTF8')
             from "{schema}".mt_events e left join "{schema}".mt_streams s on s.id = e.stream_id
             where e.seq_id = @position
             """, _connection, _transaction);
        command.Parameters.AddWithValue("position", position);
        if (await command.ExecuteScalarAsync(ct) is not byte[] canonical) return false;
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(previous));
        hash.AppendData(canonical);
        return LedgerHash.HexEquals(hash.GetHashAndReset(), expected);
    }

    public async ValueTask DisposeAsync()
    {
        if (_transaction is not null) await _transaction.DisposeAsync();
        if (_connection is not null) await _connection.DisposeAsync();
    }
}
