using JasperFx.Events;
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

    public override CommitmentRegisterEntry? Evolve(CommitmentRegisterEntry? snapshot, string id, IEvent e) => CommitmentRegisterFold.Evolve(snapshot, e);
}
