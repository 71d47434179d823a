using Consultations.Host.Web;

namespace Consultations.Tests.Web;

/// <summary>A search snippet on the page: the matches marked, everything else encoded, so recorded markup is text (ADR 0057).</summary>
public sealed class SnippetsTests
{
    [Theory]
    [InlineData("Debris «zqx» with <script>alert(1)</script> & R&D", "Debris <mark>zqx</mark> with &lt;script&gt;alert(1)&lt;/script&gt; &amp; R&amp;D")]
    [InlineData("«<b>» then «two»", "<mark>&lt;b&gt;</mark> then <mark>two</mark>")]
    [InlineData("no match at all", "no match at all")]
    [InlineData("an unclosed «mark", "an unclosed &#xAB;mark")]
    public void The_matches_are_marked_and_the_rest_is_encoded(string snippet, string html) =>
        Assert.Equal(html, Snippets.Marked(snippet).ToString());
}
