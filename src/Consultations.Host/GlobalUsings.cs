// What nearly every slice reads: the domain's common words and errors, Marten sessions, Wolverine's routes, and the
// host's own plumbing (problems, replays on the time axes, list answers).
global using Consultations.Domain.Common;
global using Consultations.Host.Auditing;
global using Consultations.Host.Exports;
global using Consultations.Host.Infrastructure;
global using Marten;
global using Wolverine.Http;
global using Consultations.Host.Security;
global using Microsoft.AspNetCore.Authorization;
global using Microsoft.AspNetCore.Mvc;
// The domain's events, commands and states, read by every slice and view.
global using Consultations.Domain.ActionPlans;
global using Consultations.Domain.Commitments;
global using Consultations.Domain.CooperationFields;
global using Consultations.Domain.Corrections;
global using Consultations.Domain.Dialogues;
global using Consultations.Domain.Documents;
global using Consultations.Domain.JointStatements;
global using Consultations.Domain.Meetings;
global using Consultations.Domain.Milestones;
