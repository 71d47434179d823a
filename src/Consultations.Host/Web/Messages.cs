using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web;

/// <summary>
/// Refusals and input errors in the person's language. The domain and the API speak English (scripts read the rule's
/// name, ADR 0009); a page translates what it shows: a broken rule by its name ("rule:outcome-after-meeting-held"), with
/// the English particulars (dates, names) kept after it; an input error by its text, the few that carry a value by
/// their sentence (<see cref="Sentences"/>). What has no translation is shown as recorded, in English, never hidden.
/// </summary>
public static class Messages
{
    /// <summary>A broken rule: its translated sentence, then the English particulars in brackets; in English, the message.</summary>
    public static string Rule(IStringLocalizer<Text> text, string rule, string message)
    {
        var sentence = text["rule:" + rule];
        return sentence.ResourceNotFound ? message : $"{sentence.Value} ({message})";
    }

    /// <summary>An input error or a page's own message, translated when the language has it.</summary>
    public static string Of(IStringLocalizer<Text> text, string message)
    {
        var exact = text[message];
        return exact.ResourceNotFound ? WithValues.Translate(text, message) ?? message : exact.Value;
    }

    // The values are kept as typed (the person's input, a number). Each noun has its own sentence: Italian agrees in gender
    // ("una riunione", "un documento").
    private static readonly Sentences WithValues = new(
        new("'{0}' is not a date: use yyyy-MM-dd, yyyy-MM or yyyy."),
        new("'{0}' is after today ({1}); the record holds what has happened."),
        new("'{0}' is outside the years the record holds (1900 to 2200)."),
        new("'{0}' is not a number: give the clause's number, such as 3."),
        new("'{0}' is not a number: give the field's number, such as 11."),
        new("'{0}' is not one of the choices: {1}."),
        new("must be at most {0} characters."),
        new("must be between {0} and {1}."),
        new("A meeting '{0}' is already on record: give this one another title or date."),
        new("A statement '{0}' is already on record: give this one another title or date."),
        new("A field '{0}' is already on record: give this one another code."),
        new("A document '{0}' is already on record: give this one another name."),
        new("A plan '{0}' is already on record: give this one another name."),
        new("A dialogue '{0}' is already on record: give this one another name."),
        new("A milestone '{0}' is already on record: give this one another name."),
        new("is required to change the lead of {0} from '{1}'."));
}
