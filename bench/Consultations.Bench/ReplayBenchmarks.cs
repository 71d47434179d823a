using BenchmarkDotNet.Attributes;
using Consultations.Domain.Commitments;
using Consultations.Host.Auditing;

namespace Consultations.Bench;

/// <summary>
/// The auditors' replays as the store grows (<see cref="GrownStore"/>): one field of the Japan–Italy dialogue on the
/// effective axis and on the recorded axis (as <c>GET /api/fields/JPIT-06</c> folds it), and the dialogue's timeline
/// (as <c>GET /api/timeline?dialogue=…</c>). Each replay opens its own session, as a request does.
/// </summary>
[MemoryDiagnoser]
public class ReplayBenchmarks
{
    private GrownStore _grown = null!;

    [Params(10_000, 100_000, 1_000_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public async Task Setup() => _grown = await GrownStore.OpenAsync(Events);

    [Benchmark]
    public Task<int> FieldOnEffectiveDay() => ReplayFieldAsync(new Axes(null, GrownStore.EffectiveOn));

    [Benchmark]
    public Task<int> FieldAsRecordedAt() => ReplayFieldAsync(new Axes(_grown.RecordedAt, null));

    [Benchmark]
    public async Task<int> DialogueTimeline()
    {
        await using var session = _grown.Store.QuerySession();
        var replay = await RecordAsOf.LoadAsync(session, new Axes(null, GrownStore.EffectiveOn), Subject.Of(GrownStore.Dialogue), CancellationToken.None);
        return replay.Timeline().Count;
    }

    [GlobalCleanup]
    public Task Cleanup() => _grown.StopAsync();

    private async Task<int> ReplayFieldAsync(Axes axes)
    {
        await using var session = _grown.Store.QuerySession();
        var replay = await RecordAsOf.LoadAsync(session, axes, Subject.Of(field: GrownStore.Field), CancellationToken.None);
        var field = replay.Fields().GetValueOrDefault(GrownStore.Field) ?? throw new InvalidOperationException("The field was not replayed.");
        return field.Commitments.Total + replay.Records<Commitment>(CommitmentDecider.Evolve).Count(c => c.FieldCode == GrownStore.Field);
    }
}

/// <summary>For contrast with <see cref="ReplayBenchmarks"/>: a replay of the whole store, which reads every event.</summary>
[MemoryDiagnoser]
public class WholeStoreReplayBenchmarks
{
    private GrownStore _grown = null!;

    [Params(10_000, 100_000)]
    public int Events { get; set; }

    [GlobalSetup]
    public async Task Setup() => _grown = await GrownStore.OpenAsync(Events);

    [Benchmark]
    public async Task<int> EverythingOnEffectiveDay()
    {
        await using var session = _grown.Store.QuerySession();
        var replay = await RecordAsOf.LoadAsync(session, new Axes(null, GrownStore.EffectiveOn), Subject.Everything, CancellationToken.None);
        return replay.Fields().Count;
    }

    [GlobalCleanup]
    public Task Cleanup() => _grown.StopAsync();
}
