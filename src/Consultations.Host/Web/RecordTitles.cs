using Consultations.Host.Reports;
using Microsoft.AspNetCore.Html;
using System.Net;

namespace Consultations.Host.Web;

/// <summary>
/// The titles of the records a page links to, as recorded (a commitment by the first words of its text, ADR 0033), so a
/// link reads as the record's name with its id as a hint, never as a bare id. One load per kind of record.
/// In a replay (<paramref name="notYet"/>), a record not on record on the replay's axes is named but not linked, with when it
/// is (third review, finding 2): its page would be a 404 in the same replay.
/// </summary>
public sealed class RecordTitles(IReadOnlyDictionary<(string Collection, string Id), string> titles,
    IReadOnlyDictionary<(string Collection, string Id), string>? notYet = null)
{
    public static RecordTitles None { get; } = new(new Dictionary<(string, string), string>());

    /// <summary>
    /// The titles, and in a replay (<paramref name="axes"/> not now) which of the records are not on record on its axes,
    /// each with a note in the page's language: "on record from 2026-06-15" (effective axis), or "recorded later".
    /// </summary>
    public static async Task<RecordTitles> LoadAsync(IQuerySession session, IEnumerable<(string Collection, string Id)> links, Axes axes,
        Microsoft.Extensions.Localization.IStringLocalizer<Text> text, CancellationToken ct)
    {
        var distinct = links.Distinct().ToList();
        var loaded = await LoadAsync(session, distinct, ct);
        if (axes.IsNow) return loaded;
        var notYet = new Dictionary<(string, string), string>();
        foreach (var link in distinct.Where(l => l.Collection is not "records"))
        {
            var replay = await RecordAsOf.LoadAsync(session, axes, Subject.Record(link.Id), ct);
            if (replay.Events.Count > 0) continue;
            var from = replay.CountsFrom.Values.DefaultIfEmpty().Min();
            notYet[link] = replay.CountsFrom.Count > 0 ? text["on record from {0}", from.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)].Value : text["recorded later"].Value;
        }

        return new RecordTitles(loaded._titles, notYet);
    }

    private readonly IReadOnlyDictionary<(string Collection, string Id), string> _titles = titles;

    public static async Task<RecordTitles> LoadAsync(IQuerySession session, IEnumerable<(string Collection, string Id)> links, CancellationToken ct)
    {
        var found = new Dictionary<(string, string), string>();
        foreach (var group in links.Distinct().GroupBy(l => l.Collection))
        {
            var ids = group.Select(l => l.Id).ToArray();
            IEnumerable<(string Id, string Title)> named = group.Key switch
            {
                "dialogues" => (await session.LoadManyAsync<Dialogue>(ct, ids)).Select(x => (x.Id, x.Title)),
                "fields" => (await session.LoadManyAsync<CooperationField>(ct, ids)).Select(x => (x.Id, x.Title)),
                "meetings" => (await session.LoadManyAsync<Meeting>(ct, ids)).Select(x => (x.Id, x.Title)),
                "statements" => (await session.LoadManyAsync<JointStatement>(ct, ids)).Select(x => (x.Id, x.Title)),
                "action-plans" => (await session.LoadManyAsync<ActionPlan>(ct, ids)).Select(x => (x.Id, x.Title)),
                "commitments" => (await session.LoadManyAsync<Commitment>(ct, ids)).Select(x => (x.Id, RecordNames.FirstWords(x.Text))),
                "documents" => (await session.LoadManyAsync<Document>(ct, ids)).Select(x => (x.Id, x.Title)),
                "milestones" => (await session.LoadManyAsync<Milestone>(ct, ids)).Select(x => (x.Id, x.Title)),
                _ => [],
            };
            foreach (var (id, title) in named) found[(group.Key, id)] = title;
        }

        return new RecordTitles(found);
    }

    public string? Of(string collection, string id) => _titles.GetValueOrDefault((collection, id));

    /// <summary>A link to the record's page named by its title, the id after it as a hint; the id alone when no title is on record.</summary>
    public HtmlString Link(string collection, string id, Func<string, string>? keep = null)
    {
        var href = WebUtility.HtmlEncode((keep ?? (p => p))($"/{collection}/{Uri.EscapeDataString(id)}"));
        var title = Of(collection, id);
        if (notYet?.GetValueOrDefault((collection, id)) is { } note)
            return new HtmlString($"<span class=\"not-yet\">{WebUtility.HtmlEncode(title ?? id)}</span> <span class=\"subtle\">({WebUtility.HtmlEncode(note)})</span>");
        return new HtmlString(title is null
            ? $"<a href=\"{href}\">{WebUtility.HtmlEncode(id)}</a>"
            : $"<a href=\"{href}\">{WebUtility.HtmlEncode(title)}</a> <span class=\"subtle record-id\">{WebUtility.HtmlEncode(id)}</span>");
    }
}
