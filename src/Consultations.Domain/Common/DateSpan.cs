using System.Text.Json.Serialization;

namespace Consultations.Domain.Common;

/// <summary>One day, or several (a two-day consultation), possibly known only to a month or year.</summary>
public sealed record DateSpan(PartialDate From, PartialDate? To = null)
{
    // A span that ends on the day it starts is that one day: "2026-06-03/2026-06-03" and "2026-06-03" are equal.
    public PartialDate? To { get; init; } = To == From ? null : To;

    [JsonIgnore]
    public PartialDate End => To ?? From;

    [JsonIgnore]
    public bool IsInOrder => To is null || !To.Value.IsCertainlyBefore(From);

    public override string ToString() =>
        To is null || To == From ? From.ToString() : $"{From}/{To}";
}
