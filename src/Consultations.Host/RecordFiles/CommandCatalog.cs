using System.Reflection;
using System.Text.Json;

namespace Consultations.Host.RecordFiles;

/// <summary>A command a record file may hold, by its step name, with the same handler its HTTP endpoint calls.</summary>
public sealed record CatalogEntry(string Name, Type CommandType, Func<object, Recorder, CancellationToken, Task<Recorded>> Handle);

/// <summary>A record file's name for the step that runs this handler, where it is not the kebab-case of the command's type.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class StepAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>A handler only the forms call, never a record-file step, and why.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class NoStepAttribute(string reason) : Attribute
{
    public string Reason { get; } = reason;
}

/// <summary>
/// The one map from a command to the handler its HTTP endpoint calls: record files find a step's command here by name, web
/// forms by the command's type (<see cref="HandleAsync"/>), so neither has a write path of its own. It is read from the
/// handlers themselves (ADR 0058): every <c>public static Task&lt;Recorded&gt; Handle(TCommand, Recorder, CancellationToken)</c>
/// of this assembly, its step named by <see cref="StepAttribute"/> or else by the command's type in kebab case
/// (<c>ScheduleMeeting</c> → <c>schedule-meeting</c>).
/// </summary>
public static class CommandCatalog
{
    private static readonly CatalogEntry[] All =
    [
        .. typeof(CommandCatalog).Assembly.GetTypes()
            .SelectMany(t => t.GetMethods(BindingFlags.Public | BindingFlags.Static | BindingFlags.DeclaredOnly))
            .Where(IsHandler)
            .Select(m => (CatalogEntry)typeof(CommandCatalog).GetMethod(nameof(Entry), BindingFlags.NonPublic | BindingFlags.Static)!
                .MakeGenericMethod(m.GetParameters()[0].ParameterType).Invoke(null, [m])!)
            .OrderBy(e => e.Name, StringComparer.Ordinal),
    ];

    /// <summary>Every record-file step, by name.</summary>
    public static IReadOnlyList<CatalogEntry> Entries { get; } = [.. All.Where(e => e.Name.Length > 0)];

    private static readonly Dictionary<Type, CatalogEntry> ByType = All.ToDictionary(e => e.CommandType);

    private static bool IsHandler(MethodInfo m) =>
        m.Name == "Handle" && m.ReturnType == typeof(Task<Recorded>)
        && m.GetParameters() is [_, { ParameterType: var r }, { ParameterType: var c }] && r == typeof(Recorder) && c == typeof(CancellationToken);

    // A form-only handler has an empty step name: forms find it by type, record files never by name.
    private static CatalogEntry Entry<T>(MethodInfo handler)
    {
        var handle = handler.CreateDelegate<Func<T, Recorder, CancellationToken, Task<Recorded>>>();
        var name = handler.GetCustomAttribute<NoStepAttribute>() is not null ? ""
            : handler.GetCustomAttribute<StepAttribute>()?.Name ?? JsonNamingPolicy.KebabCaseLower.ConvertName(typeof(T).Name);
        return new CatalogEntry(name, typeof(T), (command, recorder, ct) => handle((T)command, recorder, ct));
    }

    public static CatalogEntry? Find(string name) => name.Length == 0 ? null : Entries.FirstOrDefault(e => e.Name == name);

    /// <summary>Runs <paramref name="command"/> through the handler its HTTP endpoint calls.</summary>
    public static Task<Recorded> HandleAsync(object command, Recorder recorder, CancellationToken ct) =>
        ByType.TryGetValue(command.GetType(), out var entry)
            ? entry.Handle(command, recorder, ct)
            : throw new InvalidOperationException($"No handler takes a {command.GetType().Name}: give it a Handle(command, Recorder, CancellationToken).");
}
