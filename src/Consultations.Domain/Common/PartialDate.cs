using System.Globalization;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Consultations.Domain.Common;

public enum DatePrecision { Year, Month, Day }

/// <summary>
/// A date known to a year, a month or a day. The record never invents precision it does not have:
/// "2024" means "some time in 2024", not 1 January 2024.
/// </summary>
[JsonConverter(typeof(PartialDateJsonConverter))]
public readonly record struct PartialDate : IComparable<PartialDate>
{
    public int Year { get; }
    public int? Month { get; }
    public int? Day { get; }

    public PartialDate(int year, int? month = null, int? day = null)
    {
        if (year is < 1900 or > 2200) throw new ArgumentOutOfRangeException(nameof(year), "Year must be between 1900 and 2200.");
        if (month is < 1 or > 12) throw new ArgumentOutOfRangeException(nameof(month), "Month must be between 1 and 12.");
        if (day is not null && month is null) throw new ArgumentException("A day needs a month.", nameof(day));
        if (day is not null && (day < 1 || day > DateTime.DaysInMonth(year, month!.Value)))
            throw new ArgumentOutOfRangeException(nameof(day), "No such day in that month.");
        Year = year;
        Month = month;
        Day = day;
    }

    public static PartialDate Of(DateOnly date) => new(date.Year, date.Month, date.Day);

    public DatePrecision Precision => Day is not null ? DatePrecision.Day : Month is not null ? DatePrecision.Month : DatePrecision.Year;

    /// <summary>The first day this date could be.</summary>
    public DateOnly Earliest => new(Year, Month ?? 1, Day ?? 1);

    /// <summary>The last day this date could be.</summary>
    public DateOnly Latest => Day is not null
        ? new DateOnly(Year, Month!.Value, Day.Value)
        : Month is not null
            ? new DateOnly(Year, Month.Value, DateTime.DaysInMonth(Year, Month.Value))
            : new DateOnly(Year, 12, 31);

    /// <summary>True only when this date is certainly before the other one.</summary>
    public bool IsCertainlyBefore(PartialDate other) => Latest < other.Earliest;

    public bool IsCertainlyAfter(DateOnly day) => Earliest > day;

    public int CompareTo(PartialDate other)
    {
        var byStart = Earliest.CompareTo(other.Earliest);
        return byStart != 0 ? byStart : Latest.CompareTo(other.Latest);
    }

    public override string ToString() => Precision switch
    {
        DatePrecision.Day => $"{Year:D4}-{Month:D2}-{Day:D2}",
        DatePrecision.Month => $"{Year:D4}-{Month:D2}",
        _ => $"{Year:D4}",
    };

    public static bool TryParse(string? text, out PartialDate date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var parts = text.Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4) return false;
        if (parts.Skip(1).Any(p => p.Length != 2)) return false;
        var numbers = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out numbers[i])) return false;
        }

        try
        {
            date = new PartialDate(numbers[0], parts.Length > 1 ? numbers[1] : null, parts.Length > 2 ? numbers[2] : null);
            return true;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>
    /// The year of a well-formed date (yyyy, yyyy-MM, yyyy-MM-dd, a real day) outside the years the record holds (1900–2200);
    /// null otherwise: such a date is not "not a date", it is too early or too late (ADR 0053, 0056).
    /// </summary>
    public static int? YearOutsideRecord(string? text)
    {
        var parts = (text ?? "").Trim().Split('-');
        if (parts.Length > 3 || parts[0].Length != 4 || parts.Skip(1).Any(p => p.Length != 2)) return null;
        var n = new int[parts.Length];
        for (var i = 0; i < parts.Length; i++)
        {
            if (!int.TryParse(parts[i], NumberStyles.None, CultureInfo.InvariantCulture, out n[i])) return null;
        }

        if (n[0] is >= 1900 and <= 2200 || n[0] < 1) return null;
        if (n.Length > 1 && n[1] is < 1 or > 12) return null;
        if (n.Length > 2 && (n[2] < 1 || n[2] > DateTime.DaysInMonth(n[0], n[1]))) return null;
        return n[0];
    }

    public static PartialDate Parse(string text) =>
        TryParse(text, out var date)
            ? date
            : throw new FormatException($"'{text}' is not a date: use yyyy, yyyy-MM or yyyy-MM-dd.");
}

public sealed class PartialDateJsonConverter : JsonConverter<PartialDate>
{
    public override PartialDate Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        // A bare year (2024) is accepted as a number too: YAML and hand-written JSON often leave it unquoted.
        if (reader.TokenType == JsonTokenType.Number && reader.TryGetInt32(out var year) && PartialDate.TryParse(year.ToString("D4", CultureInfo.InvariantCulture), out var asYear))
            return asYear;
        // A bare JsonException: whoever reads the body names the member at fault from its own path, not from this.
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        return PartialDate.TryParse(reader.GetString(), out var date) ? date : throw new JsonException();
    }

    public override void Write(Utf8JsonWriter writer, PartialDate value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}
