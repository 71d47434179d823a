namespace Consultations.Host.Web;

/// <summary>
/// The input a business rule's refusal is about, by the rule's name (<see cref="Consultations.Domain.Common.RuleBroken.Rule"/>),
/// in the command's own field names: a form shows the refusal next to that input (and above the form), with the input kept.
/// A rule about the record as a whole (adopted, final, voided) names no input and is shown above the form only.
/// </summary>
public static class RuleFields
{
    private static readonly Dictionary<string, string[]> Fields = new(StringComparer.Ordinal)
    {
        ["effective-date-not-in-future"] = ["effectiveOn", "adoptedOn", "reviewedOn", "dates"],
        ["status-changes-in-order"] = ["effectiveOn"],
        ["commitment-lifecycle"] = ["to"],
        ["commitments-start-open"] = ["status"],
        ["superseded-names-successor"] = ["supersededBy"],
        ["superseded-after-successor-made"] = ["effectiveOn", "supersededBy"],
        ["party-progress-in-order"] = ["progress"],
        ["closed-items-stay-closed"] = ["progress"],
        ["complete-or-drop-explicitly"] = ["progress"],
        ["end-not-before-start"] = ["dates", "plannedDates"],
        ["adoption-after-drafting"] = ["adoptedOn"],
        ["adoption-at-the-meeting"] = ["adoptedOn"],
        ["clause-after-drafting"] = ["effectiveOn"],
        ["adopted-at-a-meeting-held"] = ["meetingId"],
        ["amendment-after-commitment"] = ["effectiveOn"],
        ["item-changes-after-it-was-added"] = ["effectiveOn"],
        ["plan-changes-after-adoption"] = ["effectiveOn"],
        ["outcome-after-meeting-held"] = ["effectiveOn"],
        ["meeting-changes-after-arrangement"] = ["effectiveOn"],
        ["commitment-made-after-its-sources"] = ["effectiveOn"],
        ["milestone-known-from-its-source"] = ["effectiveOn"],
        ["item-added-after-its-field-and-period-start"] = ["effectiveOn"],
        ["milestone-met-after-it-is-set"] = ["effectiveOn"],
        ["review-after-commitment"] = ["reviewedOn"],
        ["milestone-due-after-it-is-set"] = ["dueOn"],
        ["follow-up-after-start"] = ["dueOn"],
        ["clause-numbers-unique"] = ["number"],
        ["clause-number-positive"] = ["number"],
        ["meeting-has-two-parties"] = ["parties"],
        ["statement-has-signatories"] = ["signatories"],
        ["quoted-text-is-the-quote"] = ["text"],
        ["assessment-corrected-with-reason"] = ["reason"],
        ["milestone-ids-unique"] = ["title"],
        ["milestone-recorded-once"] = ["title"],
        ["meeting-scheduled-once"] = ["title"],
        ["statement-drafted-once"] = ["title"],
        ["plan-item-ids-unique"] = ["text"],
        ["source-held-or-adopted"] = ["source", "by"],
        ["entry-after-its-source"] = ["effectiveOn"],
        ["meeting-after-dialogue-opened"] = ["plannedDates", "dates"],
        ["meeting-dates-after-arrangement"] = ["plannedDates", "dates"],
        ["meeting-arranged-after-dialogue-opened"] = ["effectiveOn", "knownBy"],
        ["field-numbers-unique"] = ["number"],
        ["field-code-follows-number"] = ["fieldCode"],
        ["commitment-in-its-clause-field"] = ["fieldCode"],
        ["field-code-prefix-of-one-dialogue"] = ["fieldCode"],
    };

    public static IReadOnlyList<string> Of(string rule) => Fields.GetValueOrDefault(rule) ?? [];
}
