using Consultations.Host.Auditing;

namespace Consultations.Host.Web;

public sealed record HistoryView(IReadOnlyList<HistoryEntry> Entries, bool CanRecord, long Version = 0);
