using System.Globalization;
using System.Text.RegularExpressions;
using Consultations.Host.Web;
using Consultations.Tests.Api;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace Consultations.Tests.Web;

/// <summary>
/// Refusals and input errors on the pages are in the person's language (issue 11): every rule the domain can break has
/// its sentence in Italian and Japanese, and the errors that carry a value keep the value as typed.
/// </summary>
public sealed partial class MessagesTests
{
    private static IStringLocalizer<Text> Localizer() =>
        new StringLocalizer<Text>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));

    private static T In<T>(string culture, Func<T> read)
    {
        var (ui, current) = (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture);
        CultureInfo.CurrentUICulture = CultureInfo.CurrentCulture = new CultureInfo(culture);
        try
        {
            return read();
        }
        finally
        {
            (CultureInfo.CurrentUICulture, CultureInfo.CurrentCulture) = (ui, current);
        }
    }

    [GeneratedRegex("""RuleBroken\(\s*"([a-z-]+)"|new\(\s*"([a-z-]+)",""")]
    private static partial Regex RuleName();

    /// <summary>Every rule named in the domain's source: a new rule without its sentences fails here.</summary>
    public static TheoryData<string> Rules()
    {
        var domain = Path.Combine(OpenApiDescriptionTests.RepositoryRoot(), "src", "Consultations.Domain");
        var names = Directory.EnumerateFiles(domain, "*.cs", SearchOption.AllDirectories)
            .SelectMany(f => RuleName().Matches(File.ReadAllText(f)))
            .Select(m => m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)
            .Where(n => n.Contains('-', StringComparison.Ordinal))
            .ToHashSet(StringComparer.Ordinal);
        Assert.True(names.Count > 40, $"only {names.Count} rules found in {domain}");
        return [.. names.Order(StringComparer.Ordinal)];
    }

    /// <summary>
    /// The resource compiler drops a name that differs from another only in case (MSB3568, a warning, not an error): the
    /// page then shows the other one's words. Both translations keep every name once, whatever its case.
    /// </summary>
    [Theory]
    [InlineData("it")]
    [InlineData("ja")]
    public void No_two_words_of_a_translation_differ_only_in_case(string culture)
    {
        var file = Path.Combine(OpenApiDescriptionTests.RepositoryRoot(), "src", "Consultations.Host", "Web", $"Text.{culture}.resx");
        var names = System.Xml.Linq.XDocument.Load(file).Root!.Elements("data").Select(d => (string)d.Attribute("name")!).ToList();
        Assert.True(names.Count > 100, $"only {names.Count} names in {file}");
        Assert.Empty(names.GroupBy(n => n, StringComparer.OrdinalIgnoreCase).Where(g => g.Count() > 1).Select(g => string.Join(" / ", g)));
    }

    [Theory]
    [MemberData(nameof(Rules))]
    public void Every_rule_has_its_sentence_in_italian_and_japanese(string rule)
    {
        foreach (var culture in new[] { "it", "ja" })
        {
            var said = In(culture, () => Messages.Rule(Localizer(), rule, "English particulars."));
            Assert.NotEqual("English particulars.", said);
            Assert.EndsWith("(English particulars.)", said, StringComparison.Ordinal);
        }
    }

    /// <summary>Every kind of entry the record holds: a new event without its words fails here.</summary>
    public static TheoryData<string> EventKinds() => [.. Consultations.Domain.Common.RecordEvents.All.Select(t => System.Text.Json.JsonNamingPolicy.KebabCaseLower.ConvertName(t.Name))];

    [Theory]
    [MemberData(nameof(EventKinds))]
    public void Every_kind_of_entry_reads_in_words_in_english_and_has_its_own_in_italian_and_japanese(string kind)
    {
        var english = In("en", () => WebWords.Kind(Localizer(), kind));
        Assert.Equal(char.ToUpperInvariant(kind[0]) + kind[1..].Replace('-', ' '), english);
        foreach (var culture in new[] { "it", "ja" })
            Assert.NotEqual(english, In(culture, () => WebWords.Kind(Localizer(), kind)));
    }

    [Fact]
    public void A_broken_rule_reads_in_the_persons_language_with_the_english_particulars_kept_and_in_english_as_recorded()
    {
        const string message = "An outcome can be recorded only for a meeting that was held.";
        Assert.Equal("Un esito si registra solo per una riunione che si è tenuta. (" + message + ")",
            In("it", () => Messages.Rule(Localizer(), "outcome-after-meeting-held", message)));
        Assert.StartsWith("成果は開催された会合についてのみ記録できます。", In("ja", () => Messages.Rule(Localizer(), "outcome-after-meeting-held", message)));
        Assert.Equal(message, In("en", () => Messages.Rule(Localizer(), "outcome-after-meeting-held", message)));
    }

    [Theory]
    [InlineData("it", "'31-02' is not a date: use yyyy-MM-dd, yyyy-MM or yyyy.", "'31-02' non è una data: usa yyyy-MM-dd, yyyy-MM o yyyy.")]
    [InlineData("ja", "'31-02' is not a date: use yyyy-MM-dd, yyyy-MM or yyyy.", "「31-02」は日付ではありません。yyyy-MM-dd、yyyy-MM、yyyy の形式で入力してください。")]
    [InlineData("it", "'2999-01-01' is after today (2026-12-02); the record holds what has happened.", "'2999-01-01' è successivo a oggi (2026-12-02); il registro contiene ciò che è accaduto.")]
    [InlineData("ja", "'1850' is outside the years the record holds (1900 to 2200).", "「1850」は記録が扱う年（1900年から2200年）の範囲外です。")]
    [InlineData("it", "must be at most 200 characters.", "deve avere al massimo 200 caratteri.")]
    [InlineData("ja", "is required.", "は必須です。")]
    [InlineData("it", "A meeting 'rome-2026' is already on record: give this one another title or date.", "Una riunione 'rome-2026' è già registrata: dai a questa un altro titolo o un'altra data.")]
    [InlineData("it", "A document 'x' is already on record: give this one another name.", "Un documento 'x' è già registrato: dai a questo un altro nome.")]
    [InlineData("it", "Something nobody translated.", "Something nobody translated.")]
    [InlineData("en", "is required.", "is required.")]
    public void An_input_error_is_translated_by_its_text_and_a_value_in_it_is_kept_as_typed(string culture, string english, string shown) =>
        Assert.Equal(shown, In(culture, () => Messages.Of(Localizer(), english)));

    [Theory]
    [InlineData("Commitment jpit-06: agreed → in-progress", "Impegno jpit-06: Concordato → In corso")]
    [InlineData("Commitment made: jpit-06 (paraphrase)", "Impegno assunto: jpit-06 (parafrasi)")]
    [InlineData("Action plan reaffirmed by meeting rome-summit-2026-06-15", "Piano d'azione riaffermato da: riunione rome-summit-2026-06-15")]
    [InlineData("Period 2024–2027; adoption date not on record.", "Periodo 2024–2027; data di adozione non registrata.")]
    [InlineData("Period 2024–2027.", "Periodo 2024–2027.")]
    [InlineData("Rome summit", "Rome summit")]
    public void A_timeline_title_is_translated_by_its_sentence_with_the_records_content_kept(string english, string italian) =>
        Assert.Equal(italian, In("it", () => TimelineWords.Made(Localizer(), english)));

    [Theory]
    [InlineData("ja", "件名", "は必須です。", "件名は必須です。")]
    [InlineData("it", "Titolo", "è obbligatorio.", "Titolo è obbligatorio.")]
    [InlineData("en", "Title", "is required.", "Title is required.")]
    [InlineData("ja", "日付", "「x」は日付ではありません。", "日付：「x」は日付ではありません。")]
    public void An_error_begins_with_its_inputs_label_as_the_language_writes_it(string culture, string label, string error, string shown) =>
        Assert.Equal(shown, In(culture, () => ErrorText.WithSubject(label, error)));
}
