namespace Consultations.Host.Security;

/// <summary>Who may do what: the roles a token carries in its <c>role</c> claims, and the policies built on them.</summary>
public static class Roles
{
    /// <summary>Records and corrects facts.</summary>
    public const string Secretariat = "secretariat";

    /// <summary>Reads everything: replays, the audit trail, ledger verification.</summary>
    public const string Auditor = "auditor";

    /// <summary>Reads projections and exports only.</summary>
    public const string Reporter = "reporter";

    public static IReadOnlyList<string> All { get; } = [Secretariat, Auditor, Reporter];

    public const string RecordPolicy = "record";
    public const string ReadPolicy = "read";
    public const string AuditPolicy = "audit";
}
