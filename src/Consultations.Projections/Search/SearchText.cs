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
        $"setweight({Vector(title)}, 'A') || setweight({Vector(terms)}, 'A') || setweight({Vector(text)}, 'B')";

    private string Vector(string value) => $"to_tsvector({Config}, {Plain($"coalesce({value}, '')")})";

    /// <summary>
    /// Typographic quotes and dashes as their plain forms: PostgreSQL's parser, in a C-locale cluster, reads a character it
    /// does not know as part of a word, so “Special or Japan–Italy would otherwise be one word that neither special nor
    /// italy finds. A dash between digits (a range, 28–29) is spaced first: the parser reads "28-29" as 28 and the signed
    /// number -29, which a search for 29 would not find.
    /// </summary>
    private static string Plain(string value) =>
        $"translate(regexp_replace({value}, '([0-9])[–—-]([0-9])', '\\1 – \\2', 'g'), '“”‘’«»–—', '\"\"''''\"\"--')";

    /// <summary>A query built by <see cref="PrefixQuery"/>, passed as a parameter.</summary>
    public string Query(string parameter) => $"to_tsquery({Config}, {parameter})";

    public string Rank(string document, string query) => $"ts_rank({document}, {query})";

    /// <summary>The passages of the text (and names) that match, each match marked; the title when only the title matches.</summary>
    public string Snippet(string title, string terms, string text, string query)
    {
        var body = Plain($"concat_ws(' — ', nullif({text}, ''), nullif({terms}, ''))");
        return $"case when to_tsvector({Config}, {body}) @@ {query} then {Headline(body, query)} else {Headline(Plain(title), query)} end";
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
