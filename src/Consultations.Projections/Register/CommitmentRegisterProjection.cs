using Consultations.Projections.Records;
using JasperFx.Events;
using JasperFx.Events.Aggregation;
using JasperFx.Events.Daemon;
using Marten;
using Marten.Events.Aggregation;

namespace Consultations.Projections.Register;

/// <summary>
/// The commitment register, folded from each commitment's own stream. The fold itself is <see cref="CommitmentRegisterFold"/>,
/// shared with the auditors' replay: change it there, never here.
/// </summary>
public sealed partial class CommitmentRegisterProjection : SingleStreamProjection<CommitmentRegisterEntry, string>
{
    public CommitmentRegisterProjection()
    {
        Name = "CommitmentRegister";
        // An overridden Evolve hides from Marten which events it reads: name them, so the daemon loads only those.
        foreach (var type in CommitmentRegisterFold.EventTypes) IncludeType(type);
    }

    public override async ValueTask<(CommitmentRegisterEntry?, ActionType)> DetermineActionAsync(IQuerySession session, CommitmentRegisterEntry? snapshot, string identity,
        IIdentitySetter<CommitmentRegisterEntry, string> identitySetter, IReadOnlyList<IEvent> events, CancellationToken cancellation)
    {
        var (document, action) = await Refolding.StreamAsync(session, snapshot, identity, events, (s, e) => CommitmentRegisterFold.Evolve(s, e), cancellation);
        if (document is not null) document.Id = identity;
        return (document, action);
    }
}
