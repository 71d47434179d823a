namespace Consultations.Projections.Search;

/// <summary>
/// The SQL that makes text searchable, shared by the stored index and the auditors' replay so that both rank and mark
/// alike: the text search configuration (PostgreSQL's <c>simple</c> parser and dictionary after <c>unaccent</c>: case and
/// accents folded, no stemming, no stop words, so names match as typed), the weighted document, the query and the snippet.
/// </summary>
public sealed class SearchText(string schema)
{
    public const string ConfigurationName = "consultations_search";

    /// <summary>Marks around each match in a snippet.</summary>
    public const string StartMark = "«", StopMark = "»";

    public string Configuration { get; } = $"{schema}.{ConfigurationName}";

    private string Config => $"'{Configuration}'::regconfig";

    /// <summary>Titles and names (weight A) rank above running text (weight B).</summary>
    public string Document(string title, string terms, string text) =>
        $"setweight(to_tsvector({Config}, coalesce({title}, '')), 'A') || setweight(to_tsvector({Config}, coalesce({terms}, '')), 'A') "
        + $"|| setweight(to_tsvector({Config}, coalesce({text}, '')), 'B')";

    /// <summary>A query built by <see cref="PrefixQuery"/>, passed as a parameter.</summary>
    public string Query(string parameter) => $"to_tsquery({Config}, {parameter})";

    public string Rank(string document, string query) => $"ts_rank({document}, {query})";

    /// <summary>The passages of the text (and names) that match, each match marked; the title when only the title matches.</summary>
    public string Snippet(string title, string terms, string text, string query)
    {
        var body = $"concat_ws(' — ', nullif({text}, ''), nullif({terms}, ''))";
        return $"case when to_tsvector({Config}, {body}) @@ {query} then {Headline(body, query)} else {Headline(title, query)} end";
    }

    private string Headline(string value, string query) =>
        $"ts_headline({Config}, {value}, {query}, 'StartSel={StartMark}, StopSel={StopMark}, MaxWords=30, MinWords=12, MaxFragments=2, FragmentDelimiter=\" … \"')";

    /// <summary>
    /// What a person typed, as a query: every word must match, each as the start of a word ("liteb" finds LiteBIRD). Words are
    /// runs of letters and digits, so nothing typed can be read as query syntax; null when there is no word at all.
    /// </summary>
    public static string? PrefixQuery(string typed)
    {
        var words = new List<string>();
        var word = new System.Text.StringBuilder();
        foreach (var c in typed.Normalize(System.Text.NormalizationForm.FormC))
        {
            if (char.IsLetterOrDigit(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark) word.Append(c);
            else Flush();
        }

        Flush();
        return words.Count == 0 ? null : string.Join(" & ", words.Select(w => w + ":*"));

        void Flush()
        {
            if (word.Length > 0) words.Add(word.ToString());
            word.Clear();
        }
    }
}
