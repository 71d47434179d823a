// The domain's events, commands and states, read by every view and fold.
global using Consultations.Domain.ActionPlans;
global using Consultations.Domain.Commitments;
global using Consultations.Domain.Common;
global using Consultations.Domain.CooperationFields;
global using Consultations.Domain.Corrections;
global using Consultations.Domain.Dialogues;
global using Consultations.Domain.Documents;
global using Consultations.Domain.JointStatements;
global using Consultations.Domain.Meetings;
global using Consultations.Domain.Milestones;
