using JasperFx.Events;

namespace Consultations.Host.Web;

/// <summary>The page of the record an entry (an event) belongs to, from the kind of record its event is about.</summary>
public static class RecordPages
{
    public static string? Of(IEvent entry) => Of(entry.Data, entry.StreamKey ?? "");

    public static string? Of(object data, string stream)
    {
        var collection = data.GetType().Namespace?.Split('.').LastOrDefault() switch
        {
            "Meetings" => "meetings",
            "Commitments" => "commitments",
            "JointStatements" => "statements",
            "ActionPlans" => "action-plans",
            "Documents" => "documents",
            "Milestones" => "milestones",
            "Dialogues" => "dialogues",
            "CooperationFields" => "fields",
            _ => null,
        };
        return collection is null ? null : $"/{collection}/{Uri.EscapeDataString(stream)}";
    }
}
