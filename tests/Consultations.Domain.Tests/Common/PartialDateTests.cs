using System.Text.Json;

namespace Consultations.Domain.Tests.Common;

public sealed class PartialDateTests
{
    [Theory]
    [InlineData("2026", 2026, null, null, DatePrecision.Year)]
    [InlineData("2026-05", 2026, 5, null, DatePrecision.Month)]
    [InlineData("2026-05-28", 2026, 5, 28, DatePrecision.Day)]
    [InlineData("2024-02-29", 2024, 2, 29, DatePrecision.Day)]
    [InlineData(" 2026-05 ", 2026, 5, null, DatePrecision.Month)]
    public void A_date_is_read_to_the_precision_it_is_written_with(string text, int year, int? month, int? day, DatePrecision precision)
    {
        var date = PartialDate.Parse(text);

        Assert.Equal(year, date.Year);
        Assert.Equal(month, date.Month);
        Assert.Equal(day, date.Day);
        Assert.Equal(precision, date.Precision);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2026-05")]
    [InlineData("2026-05-28")]
    [InlineData("1900-01-01")]
    [InlineData("2200-12-31")]
    public void A_date_is_written_back_as_it_was_read(string text) =>
        Assert.Equal(text, PartialDate.Parse(text).ToString());

    [Theory]
    [InlineData("2026-13")]
    [InlineData("2026-00")]
    [InlineData("2026-02-30")]
    [InlineData("2026-02-29")]
    [InlineData("2026-04-31")]
    [InlineData("2026-05-00")]
    [InlineData("26")]
    [InlineData("20260")]
    [InlineData("2026-5")]
    [InlineData("2026-05-1")]
    [InlineData("2026-005")]
    [InlineData("2026-")]
    [InlineData("2026-05-28-01")]
    [InlineData("2026/05/28")]
    [InlineData("28.05.2026")]
    [InlineData("-2026")]
    [InlineData("+2026")]
    [InlineData("2026-+5")]
    [InlineData("1899")]
    [InlineData("2201")]
    [InlineData("two thousand")]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public void Something_that_is_not_a_date_is_rejected(string? text)
    {
        Assert.False(PartialDate.TryParse(text, out var date));
        Assert.Equal(default, date);
        Assert.Throws<FormatException>(() => PartialDate.Parse(text!));
    }

    [Fact]
    public void A_day_without_a_month_is_not_a_date() =>
        Assert.ThrowsAny<ArgumentException>(() => new PartialDate(2026, null, 28));

    [Fact]
    public void A_date_of_a_calendar_day_is_known_to_the_day() =>
        Assert.Equal(On("2026-05-28"), PartialDate.Of(new DateOnly(2026, 5, 28)));

    [Theory]
    [InlineData("2026", "2026-01-01", "2026-12-31")]
    [InlineData("2026-05", "2026-05-01", "2026-05-31")]
    [InlineData("2026-04", "2026-04-01", "2026-04-30")]
    [InlineData("2026-02", "2026-02-01", "2026-02-28")]
    [InlineData("2024-02", "2024-02-01", "2024-02-29")]
    [InlineData("2026-05-28", "2026-05-28", "2026-05-28")]
    public void A_date_runs_from_the_first_to_the_last_day_it_could_be(string date, string earliest, string latest)
    {
        Assert.Equal(DateOnly.Parse(earliest, System.Globalization.CultureInfo.InvariantCulture), On(date).Earliest);
        Assert.Equal(DateOnly.Parse(latest, System.Globalization.CultureInfo.InvariantCulture), On(date).Latest);
    }

    [Theory]
    [InlineData("2025", "2026", true)]
    [InlineData("2026", "2025", false)]
    [InlineData("2026-04", "2026-05", true)]
    [InlineData("2026-05-27", "2026-05-28", true)]
    [InlineData("2026-05-31", "2026-06", true)]
    [InlineData("2026-12-31", "2027", true)]
    [InlineData("2026-05-28", "2026-05-28", false)]
    [InlineData("2026-05", "2026-05", false)]
    [InlineData("2026", "2026-05", false)]
    [InlineData("2026-05", "2026", false)]
    [InlineData("2026-05", "2026-05-28", false)]
    [InlineData("2026-05-28", "2026-05", false)]
    [InlineData("2026-01-01", "2026", false)]
    [InlineData("2026", "2026-12-31", false)]
    [InlineData("2026-05-29", "2026-05-28", false)]
    public void A_date_is_certainly_before_another_only_when_its_last_day_comes_before_the_others_first(string date, string other, bool certainlyBefore) =>
        Assert.Equal(certainlyBefore, On(date).IsCertainlyBefore(On(other)));

    [Theory]
    [InlineData("2026-11-26", true)]
    [InlineData("2026-12", true)]
    [InlineData("2027", true)]
    [InlineData("2026-11-25", false)]
    [InlineData("2026-11", false)]
    [InlineData("2026", false)]
    [InlineData("2025-12-31", false)]
    public void A_date_is_certainly_after_a_day_only_when_its_first_day_comes_after_it(string date, bool certainlyAfter) =>
        Assert.Equal(certainlyAfter, On(date).IsCertainlyAfter(Today));

    [Fact]
    public void Dates_sort_by_their_first_day_then_by_their_last()
    {
        PartialDate[] unsorted = [On("2026-06"), On("2026"), On("2026-05-28"), On("2025"), On("2026-01-01"), On("2026-05")];

        var sorted = unsorted.Order().Select(d => d.ToString());

        Assert.Equal(["2025", "2026-01-01", "2026", "2026-05", "2026-05-28", "2026-06"], sorted);
    }

    [Theory]
    [InlineData("2026")]
    [InlineData("2026-05")]
    [InlineData("2026-05-28")]
    public void A_date_goes_to_json_as_the_string_it_is_written_as_and_comes_back_the_same(string text)
    {
        var json = JsonSerializer.Serialize(On(text));

        Assert.Equal($"\"{text}\"", json);
        Assert.Equal(On(text), JsonSerializer.Deserialize<PartialDate>(json));
    }

    [Fact]
    public void A_missing_date_goes_to_json_as_null_and_comes_back_missing()
    {
        PartialDate? missing = null;

        var json = JsonSerializer.Serialize(missing);

        Assert.Equal("null", json);
        Assert.Null(JsonSerializer.Deserialize<PartialDate?>(json));
    }

    [Fact]
    public void Dates_inside_a_record_survive_a_json_round_trip()
    {
        var span = Span("2026-05-28", "2026-05-29");

        var json = JsonSerializer.Serialize(span);

        Assert.StartsWith("{\"From\":\"2026-05-28\",\"To\":\"2026-05-29\"", json, StringComparison.Ordinal);
        Assert.Equal(span, JsonSerializer.Deserialize<DateSpan>(json));
    }

    [Fact]
    public void A_bare_year_number_in_json_is_read_as_that_year() =>
        Assert.Equal(On("2024"), JsonSerializer.Deserialize<PartialDate>("2024"));

    [Theory]
    [InlineData("\"2026-13\"")]
    [InlineData("\"2026-02-30\"")]
    [InlineData("\"26\"")]
    [InlineData("\"2026-5\"")]
    [InlineData("\"\"")]
    [InlineData("26")]
    [InlineData("2026.5")]
    [InlineData("true")]
    [InlineData("{}")]
    public void Json_that_is_not_a_date_is_refused(string json) =>
        Assert.Throws<JsonException>(() => JsonSerializer.Deserialize<PartialDate>(json));
}
