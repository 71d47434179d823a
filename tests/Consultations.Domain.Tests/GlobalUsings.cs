global using Consultations.Domain.Common;
global using static Consultations.Domain.Common.RuleKind;
global using static Consultations.Domain.Tests.Dates;
