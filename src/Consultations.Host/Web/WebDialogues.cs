using Marten;

namespace Consultations.Host.Web;

/// <summary>The dialogues for the dashboard's and the timeline's picker.</summary>
public static class WebDialogues
{
    /// <summary>
    /// The dialogues in the order they were opened on record (the first event of each dialogue's stream), so the first one,
    /// the pages' default, is stable: a dialogue opened later never replaces it, whatever its id or its opening day.
    /// </summary>
    public static async Task<IReadOnlyList<Dialogue>> InOrderOpenedAsync(IQuerySession session, CancellationToken ct)
    {
        var all = await session.Query<Dialogue>().ToListAsync(ct);
        if (all.Count < 2) return [.. all];
        var ids = all.Select(d => d.Id).ToArray();
        var opened = await session.Events.QueryAllRawEvents().Where(e => e.StreamKey!.IsOneOf(ids) && e.Version == 1).ToListAsync(ct);
        var order = opened.Where(e => e.StreamKey is not null).ToDictionary(e => e.StreamKey!, e => e.Sequence, StringComparer.Ordinal);
        return [.. all.OrderBy(d => order.GetValueOrDefault(d.Id, long.MaxValue)).ThenBy(d => d.Id, StringComparer.Ordinal)];
    }

    /// <summary>The parties the search page filters by: the picked dialogue's only, else those of every dialogue.</summary>
    public static IReadOnlyList<string> Parties(IReadOnlyList<Dialogue> all, string? picked) =>
        [.. (all.Any(d => d.Id == picked) ? all.Where(d => d.Id == picked) : all).SelectMany(d => d.Parties).Distinct()];
}
