namespace Consultations.Domain.Tests.Common;

public class TextRulesTests
{
    private static bool Refused(Action<Check> rule)
    {
        var check = new Check();
        rule(check);
        try
        {
            check.ThrowIfAny();
            return false;
        }
        catch (InvalidCommand)
        {
            return true;
        }
    }

    [Theory]
    [InlineData("jpit-06\n")]
    [InlineData("jpit-06\r\n")]
    [InlineData("\njpit-06")]
    public void An_id_matches_its_pattern_in_full(string id) => Assert.True(Refused(c => c.Id("id", id)));

    [Theory]
    [InlineData("JPIT-05\n")]
    [InlineData("JPIT-05\0")]
    public void A_field_code_matches_its_pattern_in_full(string code) => Assert.True(Refused(c => c.FieldCode("fieldCode", code)));

    [Fact]
    public void A_hash_or_language_tag_ending_in_a_newline_is_refused()
    {
        Assert.True(Refused(c => c.Sha256("sha256", new string('a', 64) + "\n")));
        Assert.True(Refused(c => c.Language("language", "en\n")));
    }

    [Theory]
    [InlineData("a\0b")]
    [InlineData("bell\u0007")]
    [InlineData("carriage\rreturn")]
    public void Prose_refuses_control_characters_and_broken_unicode(string text) => Assert.True(Refused(c => c.Text("text", text)));

    [Fact]
    public void Prose_refuses_a_lone_surrogate() => Assert.True(Refused(c => c.Text("text", "lone " + (char)0xD800 + " surrogate")));

    [Fact]
    public void Prose_keeps_line_breaks_tabs_and_any_script()
    {
        Assert.False(Refused(c => c.Text("text", "Line one\r\nLine two\n\tindented — 宇宙 🚀")));
    }

    [Fact]
    public void A_name_is_one_line()
    {
        Assert.True(Refused(c => c.Names("parties", ["Japan\nItaly"])));
        Assert.False(Refused(c => c.Names("parties", ["Japan", "Italy"])));
    }

    [Fact]
    public void Quoted_text_shows_control_characters_escaped_and_keeps_the_rest()
    {
        Assert.Equal("a\\u001B]0;pwned\\u0007\\u001B[2Jb\\u000A", TextRules.Escaped("a\u001b]0;pwned\u0007\u001b[2Jb\n"));
        Assert.Equal("宇宙 🚀 — ok", TextRules.Escaped("宇宙 🚀 — ok"));
        Assert.Equal("lone \\uD800", TextRules.Escaped("lone " + (char)0xD800));
    }
}
