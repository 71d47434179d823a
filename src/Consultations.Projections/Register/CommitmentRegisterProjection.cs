using Consultations.Projections.Records;

namespace Consultations.Projections.Register;

/// <summary>The commitment register, folded from each commitment's own stream (<see cref="CommitmentRegisterFold"/>).</summary>
public sealed class CommitmentRegisterProjection() : StreamViewProjection<CommitmentRegisterEntry>("CommitmentRegister",
    CommitmentRegisterFold.EventTypes, CommitmentRegisterFold.Evolve, (d, id) => d.Id = id);
