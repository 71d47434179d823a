using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// The ledger's two hashes (docs/adr/0029). An event's <em>commit hash</em> is fixed by a trigger in the transaction that
/// stores it: SHA-256 over the previous event of its stream's commit hash and the event's canonical text, every column of
/// <c>mt_events</c> that changes an answer plus its stream's type. A <em>seal</em> chains commit hashes over the whole
/// record in sequence order, each seal naming the position of the one before it.
/// </summary>
public static class LedgerHash
{
    /// <summary>The "previous hash" of a stream's first event and of the first seal.</summary>
    public static readonly string Genesis = new('0', 64);

    /// <summary>
    /// The columns the commit hash covers, as a SQL expression over a row of <c>mt_events</c> (<paramref name="row"/>) and
    /// its stream's type. Both the trigger and the verifier render the text with this one expression (each value
    /// length-prefixed, NULL as '-', timestamps in UTC to the microsecond, jsonb in PostgreSQL's canonical rendering);
    /// the verifier hashes it itself.
    /// </summary>
    public static string CanonicalSql(string row, string streamType) => "concat(" + string.Join(", ",
    [
        Field($"{row}.seq_id::text"), Field($"{row}.id::text"), Field($"{row}.stream_id::text"), Field($"{row}.version::text"),
        Field($"{row}.type::text"), Field($"{row}.mt_dotnet_type::text"), Field($"{row}.data::text"),
        Field($"to_char({row}.timestamp at time zone 'UTC', 'YYYY-MM-DD\"T\"HH24:MI:SS.US\"Z\"')"),
        Field($"{row}.tenant_id::text"), Field($"{row}.correlation_id::text"), Field($"{row}.causation_id::text"),
        Field($"{row}.headers::text"), Field($"{row}.user_name::text"), Field($"{row}.is_archived::text"), Field($"{streamType}::text"),
    ]) + ")";

    private static string Field(string value) => $"coalesce(octet_length({value})::text || ':' || {value}, '-')";

    /// <summary>The commit hash as the trigger computes it in SQL.</summary>
    public static string CommitHashSql(string previous, string canonical) => $"encode(sha256(convert_to({previous} || {canonical}, 'UTF8')), 'hex')";

    /// <summary>The commit hash recomputed outside the database from the canonical text.</summary>
    public static string Commit(string previous, string canonical) => Hex(previous + canonical);

    /// <summary>A seal: the previous seal's hash, then this seal's position, the position it follows, the event and its commit hash.</summary>
    public static string Seal(string previousHash, long position, long previous, string stream, long version, string eventHash) =>
        Hex(string.Create(CultureInfo.InvariantCulture, $"{previousHash}{position}:{previous}:{Encoding.UTF8.GetByteCount(stream)}:{stream}{version}:{eventHash}"));

    private static string Hex(string text) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(text))).ToLowerInvariant();
}
