namespace Consultations.Host.Web;

/// <summary>The web pages' own words, translated in Text.it.resx and Text.ja.resx (the key is the English text); record content is shown as recorded.</summary>
public sealed class Text;
