// What nearly every browser test reads: the fixture and its page helpers, Playwright and its Expect, JSON over the API.
global using System.Net.Http.Json;
global using Consultations.Web.Tests.Infrastructure;
global using Microsoft.Playwright;
global using static Microsoft.Playwright.Assertions;
global using static Consultations.Web.Tests.Infrastructure.Names;
