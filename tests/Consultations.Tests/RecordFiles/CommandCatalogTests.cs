using System.Reflection;
using Consultations.Domain.Corrections;
using Consultations.Host.RecordFiles;
using Consultations.Host.Web;
using Wolverine.Http;

namespace Consultations.Tests.RecordFiles;

/// <summary>
/// The command catalog is read from the handlers (ADR 0058): a record file's step names stay what files on disk say, every
/// handler is reached by forms and files, and every write route of the API has its form unless it is listed here as API-only.
/// </summary>
public sealed class CommandCatalogTests
{
    // Record files name these steps: a command renamed would rename its step and break the files already written.
    private static readonly string[] StepsOnFile =
    [
        "open-dialogue", "register-document", "amend-document", "record-milestone", "define-field", "revise-field-scope",
        "schedule-meeting", "reschedule-meeting", "hold-meeting", "record-meeting-outcome", "cancel-meeting", "draft-statement",
        "add-clause", "adopt-statement", "adopt-action-plan", "add-action-plan-item", "update-action-plan-item-progress",
        "complete-action-plan-item", "drop-action-plan-item", "reaffirm-action-plan", "make-commitment", "change-commitment-status",
        "amend-commitment", "change-party-progress", "assess-compliance", "set-commitment-lead", "add-commitment-milestone",
        "meet-commitment-milestone", "reschedule-commitment-milestone", "set-action-item-lead", "add-action-item-milestone",
        "meet-action-item-milestone", "reschedule-action-item-milestone", "void-entry", "correct-entry",
    ];

    /// <summary>The write routes with no form, by operation id, and why.</summary>
    private static readonly Dictionary<string, string> ApiOnly = new(StringComparer.Ordinal)
    {
        ["correctMeetingHeldDates"] = "a history line's Correct form changes a held meeting's dates through /api/corrections",
        ["correctCommitmentStatusChange"] = "a history line's Correct form changes a status change's date through /api/corrections",
    };

    [Fact]
    public void The_steps_record_files_name_are_all_found_by_name()
    {
        var found = CommandCatalog.Entries.Select(e => e.Name).ToHashSet(StringComparer.Ordinal);
        Assert.Subset(found, StepsOnFile.ToHashSet(StringComparer.Ordinal));
        Assert.Equal(found.Count, CommandCatalog.Entries.Count);
        Assert.Equal("schedule-meeting", CommandCatalog.Find("schedule-meeting")?.Name);
        Assert.Null(CommandCatalog.Find(""));
    }

    [Fact]
    public void The_form_only_handlers_take_their_command_but_are_no_step() =>
        Assert.DoesNotContain(CommandCatalog.Entries, e => e.CommandType == typeof(VoidEntry) || e.CommandType == typeof(CorrectEntry));

    public static TheoryData<string> WriteRoutes() => [.. Routes().Select(r => r.OperationId)];

    [Theory]
    [MemberData(nameof(WriteRoutes))]
    public void Every_write_route_has_its_form_or_a_reason_it_has_none(string operationId)
    {
        if (ApiOnly.ContainsKey(operationId)) return;
        var command = Routes().Single(r => r.OperationId == operationId).Command
            ?? throw new Xunit.Sdk.XunitException($"{operationId} sends no command of the catalog: give it a Handle, or list it as API-only with a reason.");
        Assert.True(FormCommands.Value.Contains(command),
            $"No web form sends {command.Name} ({operationId}): add one (docs/architecture.md, Add a form) or list the route as API-only with a reason.");
    }

    [Fact]
    public void The_api_only_routes_are_write_routes() =>
        Assert.Empty(ApiOnly.Keys.Except(Routes().Select(r => r.OperationId)));

    private static readonly HashSet<Type> Commands = [.. CommandCatalog.Entries.Select(e => e.CommandType), typeof(VoidEntry), typeof(CorrectEntry)];

    private static readonly Lazy<HashSet<Type>> FormCommands = new(() =>
    [
        .. typeof(WebForm).Assembly.GetTypes().Where(t => t.Namespace?.StartsWith(typeof(WebForm).Namespace!, StringComparison.Ordinal) == true)
            .SelectMany(Constructed.ByType).Where(Commands.Contains),
    ]);

    private static IEnumerable<(string OperationId, Type? Command)> Routes() =>
        typeof(WebForm).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .SelectMany(m => m.GetCustomAttributes<WolverineHttpMethodAttribute>()
                .Where(a => a is WolverinePostAttribute or WolverinePutAttribute or WolverinePatchAttribute or WolverineDeleteAttribute)
                .Select(a => (a.OperationId ?? m.Name, m.GetParameters().Select(p => p.ParameterType).FirstOrDefault(Commands.Contains)
                    ?? Constructed.By(m).FirstOrDefault(Commands.Contains))));
}
