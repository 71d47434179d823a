namespace Consultations.Tests.Reading;

/// <summary>Facts of the bundled Japan–Italy record, taken from the joint statement of 15 June 2026 and data/japan-italy-space.yaml.</summary>
internal static class JapanItalyRecord
{
    public const string DialogueId = "japan-italy-space";
    public const string StatementId = "jp-it-joint-statement-space-2026-06-15";
    public const string StatementTitle = "Japan–Italy Joint Statement on Space Collaboration";
    public const string PlanId = "action-plan-2024-2027";
    public const string TokyoSummit = "tokyo-summit-2026-01-16";
    public const string FirstConsultations = "space-consultations-1-tokyo";
    public const string RomeSummit = "rome-summit-2026-06-15";
    public const string SecondConsultations = "space-consultations-2-rome";

    /// <summary>The statement's ten bold headings, in order, without their trailing period.</summary>
    public static readonly string[] FieldTitles =
    [
        "Government and commercial cooperation",
        "Multilateral Fora",
        "Space Defence and Security",
        "Human spaceflight and return to the Moon",
        "Earth observation and disaster risk management",
        "Solar Activity and solar physics",
        "Space physics and studies of the Cosmos",
        "Space Sustainability",
        "Skills development",
        "Regional cooperation",
    ];

    public static readonly string[] FieldCodes = [.. Enumerable.Range(1, 10).Select(n => $"JPIT-{n:D2}")];

    /// <summary>Commitments of each field by status (agreed, in progress) as the bundled record makes them.</summary>
    public static readonly Dictionary<string, (int Agreed, int InProgress)> Commitments = new()
    {
        ["JPIT-01"] = (4, 0),
        ["JPIT-02"] = (2, 0),
        ["JPIT-03"] = (2, 0),
        ["JPIT-04"] = (3, 0),
        ["JPIT-05"] = (1, 0),
        ["JPIT-06"] = (1, 1),
        ["JPIT-07"] = (1, 1),
        ["JPIT-08"] = (4, 0),
        ["JPIT-09"] = (1, 0),
        ["JPIT-10"] = (2, 0),
    };

    public const int CommitmentCount = 23;
}
