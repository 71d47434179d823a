using System.Text.Json;

namespace Consultations.Domain.Tests.Common;

public sealed class DateSpanTests
{
    [Fact]
    public void A_single_day_ends_on_the_day_it_starts() =>
        Assert.Equal(On("2026-05-28"), Span("2026-05-28").End);

    [Fact]
    public void A_span_of_several_days_ends_on_its_last_day() =>
        Assert.Equal(On("2026-05-29"), Span("2026-05-28", "2026-05-29").End);

    [Theory]
    [InlineData("2026-05-28", null, true)]
    [InlineData("2026-05-28", "2026-05-28", true)]
    [InlineData("2026-05-28", "2026-05-29", true)]
    [InlineData("2026-05", "2026-05-28", true)]
    [InlineData("2026-05-28", "2026-05", true)]
    [InlineData("2026", "2026-03", true)]
    [InlineData("2026-05-29", "2026-05-28", false)]
    [InlineData("2026-06", "2026-05-28", false)]
    [InlineData("2027", "2026-12-31", false)]
    public void A_span_is_out_of_order_only_when_its_end_is_certainly_before_its_start(string from, string? to, bool inOrder) =>
        Assert.Equal(inOrder, Span(from, to).IsInOrder);

    [Theory]
    [InlineData("2026-05-28", null, "2026-05-28")]
    [InlineData("2026-05-28", "2026-05-28", "2026-05-28")]
    [InlineData("2026-05-28", "2026-05-29", "2026-05-28/2026-05-29")]
    [InlineData("2026-05", "2026-06", "2026-05/2026-06")]
    public void A_span_is_written_as_one_date_or_as_from_and_to(string from, string? to, string written) =>
        Assert.Equal(written, Span(from, to).ToString());

    [Fact]
    public void A_single_day_span_survives_a_json_round_trip()
    {
        var span = Span("2026-05");

        var json = JsonSerializer.Serialize(span);

        Assert.Contains("\"To\":null", json, StringComparison.Ordinal);
        Assert.Equal(span, JsonSerializer.Deserialize<DateSpan>(json));
    }
}
