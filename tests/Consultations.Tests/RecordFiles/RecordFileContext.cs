using Consultations.Host.RecordFiles;

namespace Consultations.Tests.RecordFiles;

/// <summary>Record files written to a temp folder of the test and imported through the host's <see cref="RecordImporter"/>.</summary>
public abstract class RecordFileContext(AppFixture fixture) : IntegrationContext(fixture), IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("consultations-record-files-").FullName;

    public void Dispose()
    {
        Directory.Delete(_folder, recursive: true);
        GC.SuppressFinalize(this);
    }

    /// <summary>The inline views an import writes (ADR 0041, 0050).</summary>
    protected static readonly string[] InlineViews =
        ["dialogue", "cooperationfield", "meeting", "jointstatement", "actionplan", "commitment", "document", "milestone", "recordfootprint", "timelineentry"];

    /// <summary>Rebuilds every inline view from the stored events with Marten's own daemon, to compare with what an import wrote.</summary>
    protected async Task RebuildInlineViewsWithMartenAsync()
    {
        var inline = Store.Options.Events.Projections()
            .Where(p => p is JasperFx.Events.Projections.ProjectionBase { Lifecycle: JasperFx.Events.Projections.ProjectionLifecycle.Inline })
            .Select(p => p.Name).Distinct().ToList();
        Assert.Equal(InlineViews.Length, inline.Count);
        using var daemon = await Store.BuildProjectionDaemonAsync();
        foreach (var name in inline) await daemon.RebuildProjectionAsync(name, TimeSpan.FromMinutes(1), CancellationToken.None);
    }

    // Lines 1-15: a valid dialogue and field; what a test adds starts on line 16.
    protected const string Opening = """
        format: consultations-record/1
        steps:
          - open-dialogue:
              dialogueId: test-dialogue
              title: Test dialogue
              parties: [Japan, Italy]
              effectiveOn: "2026-01-16"
          - define-field:
              fieldCode: TST-01
              dialogueId: test-dialogue
              number: 1
              title: Test field
              scope: What the test field covers.
              effectiveOn: "2026-01-16"
        # the steps under test follow
        """;

    protected async Task<string> WriteAsync(string name, string yaml)
    {
        var path = Path.Combine(_folder, name);
        await File.WriteAllTextAsync(path, yaml);
        return path;
    }

    protected Task<ImportResult> ImportAsync(string path) =>
        Host.Services.GetRequiredService<RecordImporter>().ImportAsync(path, "test", null, CancellationToken.None);

    protected async Task<ImportResult> ImportAsync(string name, string yaml) => await ImportAsync(await WriteAsync(name, yaml));

    /// <summary>The file is refused, its message starting with the file's name and line, and nothing at all is stored.</summary>
    protected async Task<RecordFileError> RefusedAsync(string name, string yaml)
    {
        var path = await WriteAsync(name, yaml);
        var error = await Assert.ThrowsAsync<RecordFileError>(() => ImportAsync(path));
        Assert.StartsWith($"{name}:{error.Line}: ", error.Message);
        await AssertNothingStoredAsync();
        return error;
    }

    protected async Task AssertNothingStoredAsync()
    {
        Assert.Equal(0, await EventCountAsync());
        await using var session = Store.QuerySession();
        Assert.Empty(await session.Query<AppliedRecordStep>().ToListAsync());
        var (_, dialogues) = await GetAsync("/api/dialogues");
        Assert.Empty(dialogues!.AsArray());
    }
}
