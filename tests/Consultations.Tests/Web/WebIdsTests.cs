using Consultations.Host.Web;

namespace Consultations.Tests.Web;

/// <summary>Ids made from names in any script (ADR 0064; fourth outside review, finding 15).</summary>
public sealed class WebIdsTests
{
    [Fact]
    public void A_latin_name_gives_its_words()
    {
        Assert.Equal("space-consultations-3-tokyo", WebIds.Slug("Space consultations 3, Tokyo"));
        Assert.Equal("l-italia-e-il-giappone-collaboreranno", WebIds.Slug("L'Italia e il Giappone collaboreranno"));
    }

    [Fact]
    public void A_japanese_title_is_not_empty_and_two_titles_that_share_their_digits_are_two_ids()
    {
        var statement = WebIds.Slug("日伊宇宙協力に関する共同声明");
        Assert.Matches("^[0-9a-f]{8}$", statement);
        Assert.Equal(statement, WebIds.Slug(" 日伊宇宙協力に関する共同声明 "));
        var preparatory = WebIds.Slug("第2回日伊宇宙協議準備会合");
        var workingGroup = WebIds.Slug("第2回日伊作業部会");
        Assert.StartsWith("2-", preparatory, StringComparison.Ordinal);
        Assert.NotEqual(preparatory, workingGroup);
        Assert.Equal("", WebIds.Slug("  "));
    }
}
