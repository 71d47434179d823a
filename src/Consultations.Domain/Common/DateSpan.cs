namespace Consultations.Domain.Common;

/// <summary>One day, or several (a two-day consultation), possibly known only to a month or year.</summary>
public sealed record DateSpan(PartialDate From, PartialDate? To = null)
{
    public PartialDate End => To ?? From;

    public bool IsInOrder => To is null || !To.Value.IsCertainlyBefore(From);

    public override string ToString() =>
        To is null || To == From ? From.ToString() : $"{From}/{To}";
}
