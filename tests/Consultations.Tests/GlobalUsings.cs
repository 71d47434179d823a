// The ids of the bundled record, which most tests seed and read.
global using static Consultations.Tests.Reading.JapanItalyRecord;

// What nearly every test file reads: the test host and its helpers, JSON answers, the host's services.
global using System.Text.Json.Nodes;
global using Consultations.Tests.Infrastructure;
global using Microsoft.Extensions.DependencyInjection;

// What many read besides: Alba scenarios, Marten sessions, HTTP status codes, xunit's test output.
global using System.Net;
global using Alba;
global using Marten;
global using Xunit.Abstractions;
