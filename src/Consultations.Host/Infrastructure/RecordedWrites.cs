using JasperFx;
using JasperFx.CodeGeneration;
using JasperFx.CodeGeneration.Frames;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Every write route is a route plus a decision: its method takes the <see cref="Recorder"/> and answers the
/// <see cref="Recorded"/>. This policy adds the rest once, after the method and before the answer is written: a record
/// the command started gets a <c>Location</c> under the collection it was posted to, then the unit is committed (one
/// transaction; nothing is stored if the method threw), the last step that can fail.
/// </summary>
public sealed class RecordedWrites : IHttpPolicy
{
    public void Apply(IReadOnlyList<HttpChain> chains, GenerationRules rules, IServiceContainer container)
    {
        foreach (var chain in chains.Where(Writes))
            chain.Postprocessors.Insert(0, new MethodCall(typeof(RecordedWrites), nameof(CommitAsync)));
    }

    private static bool Writes(HttpChain chain) =>
        chain.Method.Method.GetParameters().Any(p => p.ParameterType == typeof(Recorder))
        && chain.Method.Method.ReturnType is var type && (type == typeof(Recorded) || type == typeof(Task<Recorded>));

    // Everything that can fail is done before the commit: an answer that fails after it would report a failure for a
    // write that was stored. The id is checked by the command's own pattern; the escape makes any id a valid header.
    public static async Task CommitAsync(Recorded recorded, Recorder recorder, HttpContext context, CancellationToken ct)
    {
        if (recorded.Created && context.GetEndpoint() is RouteEndpoint { RoutePattern: { Parameters.Count: 0 } pattern })
            context.Response.Headers.Location = $"/{pattern.RawText?.Trim('/')}/{Uri.EscapeDataString(recorded.Id)}";
        await recorder.SaveAsync(ct);
    }
}
