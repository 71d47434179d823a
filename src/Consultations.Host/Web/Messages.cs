using System.Text.RegularExpressions;
using Microsoft.Extensions.Localization;

namespace Consultations.Host.Web;

/// <summary>
/// Refusals and input errors in the person's language. The domain and the API speak English (scripts read the rule's
/// name, ADR 0009); a page translates what it shows: a broken rule by its name ("rule:outcome-after-meeting-held"), with
/// the English particulars (dates, names) kept after it; an input error by its text, the few that carry a value by
/// pattern. What has no translation is shown as recorded, in English, never hidden.
/// </summary>
public static partial class Messages
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
        if (!exact.ResourceNotFound) return exact.Value;
        foreach (var (pattern, translate) in Patterns)
        {
            var match = pattern.Match(message);
            if (!match.Success) continue;
            var (key, values) = translate(match.Groups.Values.Skip(1).Select(g => g.Value).ToArray());
            var found = text[key, values];
            if (!found.ResourceNotFound) return found.Value;
        }

        return message;
    }

    // A pattern gives the sentence's key and the values kept as typed (the person's input, a number).
    private static readonly (Regex Pattern, Func<string[], (string Key, object[] Values)> Translate)[] Patterns =
    [
        (NotADate(), v => ("'{0}' is not a date: use yyyy-MM-dd, yyyy-MM or yyyy.", [v[0]])),
        (AfterToday(), v => ("'{0}' is after today ({1}); the record holds what has happened.", [v[0], v[1]])),
        (OutsideYears(), v => ("'{0}' is outside the years the record holds (1900 to 2200).", [v[0]])),
        (NotANumber(), v => ("'{0}' is not a number: give the clause's number, such as 3.", [v[0]])),
        (NotAFieldNumber(), v => ("'{0}' is not a number: give the field's number, such as 11.", [v[0]])),
        (NotAChoice(), v => ("'{0}' is not one of the choices: {1}.", [v[0], v[1]])),
        (AtMost(), v => ("must be at most {0} characters.", [v[0]])),
        (Between(), v => ("must be between {0} and {1}.", [v[0], v[1]])),
        // Each noun has its own sentence: Italian agrees in gender ("una riunione", "un documento").
        (AlreadyOnRecord(), v => ($"A {v[0]} '{{0}}' is already on record: give this one another {v[2]}.", [v[1]])),
        (LeadChange(), v => ("is required to change the lead of {0} from '{1}'.", [v[0], v[1]])),
    ];

    [GeneratedRegex(@"^'(.*)' is not a date: use yyyy-MM-dd, yyyy-MM or yyyy\.$", RegexOptions.Singleline)]
    private static partial Regex NotADate();

    [GeneratedRegex(@"^'(.*)' is after today \((\d{4}-\d{2}-\d{2})\); the record holds what has happened\.$", RegexOptions.Singleline)]
    private static partial Regex AfterToday();

    [GeneratedRegex(@"^'(.*)' is outside the years the record holds \(1900 to 2200\)\.$", RegexOptions.Singleline)]
    private static partial Regex OutsideYears();

    [GeneratedRegex(@"^'(.*)' is not a number: give the clause's number, such as 3\.$", RegexOptions.Singleline)]
    private static partial Regex NotANumber();

    [GeneratedRegex(@"^'(.*)' is not a number: give the field's number, such as 11\.$", RegexOptions.Singleline)]
    private static partial Regex NotAFieldNumber();

    [GeneratedRegex(@"^'(.*)' is not one of the choices: ([A-Za-z, ]+)\.$", RegexOptions.Singleline)]
    private static partial Regex NotAChoice();

    [GeneratedRegex(@"^must be at most (\d+) characters\.$")]
    private static partial Regex AtMost();

    [GeneratedRegex(@"^must be between (\S+) and (\S+)\.$")]
    private static partial Regex Between();

    [GeneratedRegex(@"^A (meeting|statement|field|document|plan|dialogue|milestone) '(.*)' is already on record: give this one another (name|code|title or date)\.$", RegexOptions.Singleline)]
    private static partial Regex AlreadyOnRecord();

    [GeneratedRegex(@"^is required to change the lead of (.+) from '(.*)'\.$", RegexOptions.Singleline)]
    private static partial Regex LeadChange();
}
