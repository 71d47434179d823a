using System.Buffers;
using System.Buffers.Text;
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
    public static string Seal(string previousHash, long position, long previous, string stream, long version, string eventHash)
    {
        Span<byte> hash = stackalloc byte[32];
        SealInto(previousHash, position, previous, stream, version, eventHash, hash);
        return Convert.ToHexStringLower(hash);
    }

    /// <summary>Whether <paramref name="expected"/> is the seal computed as <see cref="Seal"/> does, without building strings.</summary>
    public static bool SealMatches(string previousHash, long position, long previous, string stream, long version, string eventHash, string expected)
    {
        Span<byte> hash = stackalloc byte[32];
        SealInto(previousHash, position, previous, stream, version, eventHash, hash);
        return HexEquals(hash, expected);
    }

    /// <summary>Whether a 32-byte hash renders as <paramref name="hex"/> (lower-case hexadecimal, as the ledger stores it).</summary>
    public static bool HexEquals(ReadOnlySpan<byte> hash, string? hex)
    {
        if (hex is null || hex.Length != 64) return false;
        Span<char> text = stackalloc char[64];
        return Convert.TryToHexStringLower(hash, text, out _) && text.SequenceEqual(hex);
    }

    private static void SealInto(string previousHash, long position, long previous, string stream, long version, string eventHash, Span<byte> hash)
    {
        // The same bytes as the UTF-8 of "{previousHash}{position}:{previous}:{byte count}:{stream}{version}:{eventHash}".
        var streamBytes = Encoding.UTF8.GetByteCount(stream);
        var length = Encoding.UTF8.GetByteCount(previousHash) + Encoding.UTF8.GetByteCount(eventHash) + streamBytes + 4 * 20 + 3;
        var rented = length > 1024 ? ArrayPool<byte>.Shared.Rent(length) : null;
        var buffer = rented is null ? stackalloc byte[1024] : rented;
        try
        {
            var n = Encoding.UTF8.GetBytes(previousHash, buffer);
            n += Number(position, buffer[n..]);
            buffer[n++] = (byte)':';
            n += Number(previous, buffer[n..]);
            buffer[n++] = (byte)':';
            n += Number(streamBytes, buffer[n..]);
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(stream, buffer[n..]);
            n += Number(version, buffer[n..]);
            buffer[n++] = (byte)':';
            n += Encoding.UTF8.GetBytes(eventHash, buffer[n..]);
            SHA256.HashData(buffer[..n], hash);
        }
        finally
        {
            if (rented is not null) ArrayPool<byte>.Shared.Return(rented);
        }
    }

    private static int Number(long value, Span<byte> into) =>
        Utf8Formatter.TryFormat(value, into, out var written) ? written : throw new InvalidOperationException("No room for a number.");

    private static string Hex(string text) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
}
