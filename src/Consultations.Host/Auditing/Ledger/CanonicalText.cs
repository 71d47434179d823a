using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;
using Npgsql;

namespace Consultations.Host.Auditing.Ledger;

/// <summary>
/// An event's canonical text (<see cref="LedgerHash.CanonicalSql"/>) rendered in C# from its columns read raw, byte for
/// byte as PostgreSQL renders it for the trigger: numbers in decimal, the id as a lower-case uuid, the timestamp in UTC to
/// the microsecond, jsonb as PostgreSQL's own text (<c>data::text</c>, the one rendering left to the database, the same one
/// a plain read of the column costs), each value length-prefixed in UTF-8 bytes, NULL as '-' (docs/adr/0042). Verification
/// reads the columns in one ordered query and hashes what this renders; a row whose hash does not match is rendered again
/// by the database with the SQL expression itself before it is called altered, so a value this rendering does not know
/// (an infinite timestamp, a server encoding other than UTF-8) can cost time, never a false break.
/// </summary>
public sealed class CanonicalText
{
    /// <summary>
    /// The columns <see cref="Render"/> reads, after <c>seq_id</c>, <c>stream_id</c>, <c>version</c> and <c>type</c>, over
    /// <c>mt_events e</c> joined to <c>mt_streams s</c>; the jsonb columns last, rendered only when <paramref name="when"/> holds.
    /// </summary>
    public static string Columns(string when) =>
        "e.id, e.mt_dotnet_type, e.timestamp, e.tenant_id, e.correlation_id, e.causation_id, e.user_name, e.is_archived, s.type, " +
        $"case when {when} then e.headers::text end, case when {when} then e.data::text end";

    private const int Prefix = 64;
    private byte[] _buffer = new byte[8 * 1024];
    private int _length = Prefix;
    private byte[] _data = new byte[8 * 1024];

    /// <summary>The canonical text last rendered, as UTF-8 bytes.</summary>
    public ReadOnlySpan<byte> Bytes => _buffer.AsSpan(Prefix, _length - Prefix);

    /// <summary>Renders the current row of <paramref name="reader"/>, whose <see cref="Columns"/> start at <paramref name="first"/>.</summary>
    public void Render(NpgsqlDataReader reader, int first, long sequence, string? stream, long version, string? type)
    {
        _length = Prefix;
        Number(sequence);
        if (reader.IsDBNull(first)) Null();
        else Guid(reader.GetGuid(first));
        Text(stream);
        Number(version);
        Text(type);
        Text(Optional(reader, first + 1));
        var timestamp = reader.IsDBNull(first + 2) ? (DateTime?)null : reader.GetDateTime(first + 2);
        var (tenant, correlation, causation, user) = (Optional(reader, first + 3), Optional(reader, first + 4), Optional(reader, first + 5), Optional(reader, first + 6));
        var archived = reader.IsDBNull(first + 7) ? (bool?)null : reader.GetBoolean(first + 7);
        var streamType = Optional(reader, first + 8);
        var headers = Copy(reader, first + 9, ref _data, 0);
        var data = Copy(reader, first + 10, ref _data, Math.Max(headers, 0));
        Raw(data < 0 ? null : _data.AsSpan(Math.Max(headers, 0), data), data < 0);
        if (timestamp is { } t) Timestamp(t);
        else Null();
        Text(tenant);
        Text(correlation);
        Text(causation);
        Raw(headers < 0 ? null : _data.AsSpan(0, headers), headers < 0);
        Text(user);
        Text(archived is null ? null : archived.Value ? "true" : "false");
        Text(streamType);
    }

    /// <summary>Whether SHA-256 over <paramref name="previous"/> and the text last rendered is <paramref name="expected"/>.</summary>
    public bool Matches(string previous, string? expected)
    {
        Span<byte> hash = stackalloc byte[32];
        if (previous.Length == Prefix && Ascii.IsValid(previous))
        {
            Encoding.ASCII.GetBytes(previous, _buffer.AsSpan(0, Prefix));
            SHA256.HashData(_buffer.AsSpan(0, _length), hash);
        }
        else
        {
            using var incremental = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            incremental.AppendData(Encoding.UTF8.GetBytes(previous));
            incremental.AppendData(Bytes);
            incremental.GetHashAndReset(hash);
        }

        return LedgerHash.HexEquals(hash, expected);
    }

    private static string? Optional(NpgsqlDataReader reader, int ordinal) => reader.IsDBNull(ordinal) ? null : reader.GetString(ordinal);

    /// <summary>Copies a column's bytes as sent (UTF-8 text) to <paramref name="into"/> at <paramref name="at"/>; their count, or -1 for NULL.</summary>
    private static int Copy(NpgsqlDataReader reader, int ordinal, ref byte[] into, int at)
    {
        if (reader.IsDBNull(ordinal)) return -1;
        using var stream = reader.GetStream(ordinal);
        var n = 0;
        while (true)
        {
            if (at + n == into.Length) Array.Resize(ref into, into.Length * 2);
            var read = stream.Read(into, at + n, into.Length - at - n);
            if (read == 0) return n;
            n += read;
        }
    }

    private void Ensure(int more)
    {
        if (_length + more > _buffer.Length) Array.Resize(ref _buffer, Math.Max(_buffer.Length * 2, _length + more));
    }

    private void Null()
    {
        Ensure(1);
        _buffer[_length++] = (byte)'-';
    }

    private void Length(int count)
    {
        Ensure(12 + count);
        Utf8Formatter.TryFormat(count, _buffer.AsSpan(_length), out var written);
        _length += written;
        _buffer[_length++] = (byte)':';
    }

    private void Number(long value)
    {
        Span<byte> digits = stackalloc byte[20];
        Utf8Formatter.TryFormat(value, digits, out var written);
        Raw(digits[..written], false);
    }

    private void Guid(Guid value)
    {
        Length(36);
        value.TryFormat(_buffer.AsSpan(_length, 36), out _, "D");
        _length += 36;
    }

    // to_char(timestamp at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'): Npgsql reads timestamptz as UTC, to the microsecond.
    private void Timestamp(DateTime value)
    {
        Length(27);
        value.TryFormat(_buffer.AsSpan(_length, 27), out var written, "yyyy'-'MM'-'dd'T'HH':'mm':'ss'.'ffffff'Z'", System.Globalization.CultureInfo.InvariantCulture);
        _length += written;
    }

    private void Text(string? value)
    {
        if (value is null)
        {
            Null();
            return;
        }

        var count = Encoding.UTF8.GetByteCount(value);
        Length(count);
        _length += Encoding.UTF8.GetBytes(value, _buffer.AsSpan(_length, count));
    }

    private void Raw(ReadOnlySpan<byte> value, bool isNull)
    {
        if (isNull)
        {
            Null();
            return;
        }

        Length(value.Length);
        value.CopyTo(_buffer.AsSpan(_length));
        _length += value.Length;
    }
}
