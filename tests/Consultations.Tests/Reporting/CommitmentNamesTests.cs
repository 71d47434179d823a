namespace Consultations.Tests.Reporting;

/// <summary>The fora and agreements a commitment names are listed, filtered on and exported like its programmes and agencies.</summary>
public class CommitmentNamesTests(AppFixture fixture) : ReportingContext(fixture)
{
    [Fact]
    public async Task Commitments_are_filtered_by_forum_and_agreement_and_export_their_wording_and_names()
    {
        await SeedAsync();

        var copuos = (await ReadAsync("/api/commitments?forum=COPUOS")).AsArray();
        var artemis = (await ReadAsync("/api/commitments?agreement=Artemis%20Accords")).AsArray();
        Assert.NotEmpty(copuos);
        Assert.All(copuos, c => Assert.Contains("COPUOS", c!["fora"]!.AsArray().Select(f => f!.GetValue<string>())));
        Assert.Contains("jpit-04-lunar-exploration", artemis.Select(c => c!["id"]!.GetValue<string>()));
        Assert.Empty((await ReadAsync("/api/commitments?forum=No%20such%20forum")).AsArray());

        var csv = await FetchAsync("/api/commitments?agreement=Artemis%20Accords&format=csv");
        var header = csv.Text.Split('\n')[0];
        foreach (var column in new[] { "textIs", "quote", "fora", "agreements", "documentId" }) Assert.Contains(column, header);
        Assert.Contains("Artemis Accords", csv.Text);
    }
}
