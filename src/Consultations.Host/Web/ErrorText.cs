namespace Consultations.Host.Web;

/// <summary>An error shown next to its input begins with the input's label: "is required: …" reads "Adopted on is required: …".</summary>
public static class ErrorText
{
    /// <param name="label">The input's label as shown (translated); its explanation in brackets is left out.</param>
    public static string? WithSubject(string label, string? error)
    {
        if (string.IsNullOrEmpty(error) || !char.IsLower(error[0])) return error;
        var cut = label.IndexOfAny(['(', '（']);
        var subject = (cut > 0 ? label[..cut] : label).Trim();
        return subject.Length == 0 ? error : subject + " " + error;
    }
}
