using Consultations.Web.Tests.Infrastructure;

namespace Consultations.Web.Tests;

[Collection("web")]
public sealed class SignInTests(WebApp app)
{
    [Fact]
    public async Task A_reader_signs_in_locally_and_sees_the_dashboard()
    {
        var page = await app.SignInAsync("Rita Reader", "reporter");
        await Microsoft.Playwright.Assertions.Expect(page.Locator("h1")).ToContainTextAsync("Japan–Italy space cooperation");
        await WebApp.CheckAsync(page, "dashboard");
    }
}
