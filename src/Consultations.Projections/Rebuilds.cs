using JasperFx.Events.Projections;

namespace Consultations.Projections;

/// <summary>
/// How the daemon pages through the events for every projection (ADR 0040). Marten's default page of 500 events made a
/// rebuild a long run of small transactions, each with its own event read, snapshot load and progress write; a larger
/// page amortises them. A single-stream view's rebuild keeps the latest state of each record it has folded in memory and
/// writes them when this many are waiting (or at the end), each record once per window, however many pages its events
/// span. Both bound what a rebuild holds in memory, whatever the store's size; live processing writes every page as before.
/// </summary>
public static class Rebuilds
{
    public const int PageSize = 5_000;

    public const int RecordsPerWrite = 10_000;

    public static void Configure(AsyncOptions options)
    {
        options.BatchSize = PageSize;
        options.RebuildFlushThreshold = RecordsPerWrite;
    }
}
