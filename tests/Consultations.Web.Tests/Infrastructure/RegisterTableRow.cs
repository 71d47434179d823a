namespace Consultations.Tests.Processes;

// HostProcess (shared with the API tests) names this row of the register table.
public sealed record RegisterTableRow(string CommitmentId, string Text, int Amendments);
