using BenchmarkDotNet.Attributes;
using Consultations.Domain.Commitments;
using Consultations.Domain.Common;

namespace Consultations.Bench;

/// <summary>The pure write path: deciding a status change and folding a commitment's history.</summary>
[MemoryDiagnoser]
public class DomainBenchmarks
{
    private static readonly DateOnly Today = new(2026, 11, 25);
    private readonly List<object> _history = [];
    private Commitment? _agreed;

    [Params(10, 1000)]
    public int Amendments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _history.Add(new CommitmentMade("c-1", "japan-italy-space", "JPIT-06", "Collaborate on SOLAR-C.", ["Japan", "Italy"], ["JAXA", "ASI"],
            ["SOLAR-C"], new SourceRef(SourceKind.Clause, "statement", "6"), CommitmentStatus.Agreed, PartialDate.Parse("2026-06-15")));
        for (var i = 0; i < Amendments; i++)
            _history.Add(new CommitmentAmended("c-1", "japan-italy-space", "JPIT-06", $"text {i}", $"text {i + 1}", PartialDate.Parse("2026-07-01"), "wording"));
        _agreed = Fold();
    }

    [Benchmark]
    public Commitment? Fold()
    {
        Commitment? state = null;
        foreach (var e in _history) state = CommitmentDecider.Evolve(state, e);
        return state;
    }

    [Benchmark]
    public IReadOnlyList<object> DecideStatusChange() =>
        CommitmentDecider.Decide(new ChangeCommitmentStatus("c-1", CommitmentStatus.InProgress, PartialDate.Parse("2026-08-01"), "started", null), _agreed, Today);
}
