using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;

namespace Consultations.Host.Infrastructure;

/// <summary>The query parameters read on a route besides those its method binds (by a middleware or its answer), with what each does.</summary>
public delegate IReadOnlyList<(string Name, string Description)> MiddlewareReads(HttpChain chain);

/// <summary>A query parameter a route reads; <see cref="Description"/> is set for those read by middleware, which the endpoint's method does not show.</summary>
public sealed record QueryParameter(string Name, bool Repeats = false, string? Description = null);

/// <summary>
/// Endpoint metadata: every query parameter a route reads. Derived at startup from the endpoint's method (what Wolverine
/// binds from the query string) and from what middleware declares it reads on that route, so it is never listed by hand.
/// </summary>
public sealed record QueryParameterSet(IReadOnlyList<QueryParameter> Parameters)
{
    public QueryParameter? Find(string name) => Parameters.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));

    public static QueryParameterSet Of(HttpChain chain, IEnumerable<MiddlewareReads> middleware)
    {
        var routeArguments = chain.RoutePattern?.Parameters.Select(p => p.Name).ToHashSet(StringComparer.OrdinalIgnoreCase) ?? [];
        var own = chain.Method.Method.GetParameters().Where(p => !routeArguments.Contains(p.Name ?? "")).SelectMany(BoundFromQuery);
        var read = middleware.SelectMany(reads => reads(chain))
            .Select(p => new QueryParameter(p.Name, Description: p.Description));
        return new([.. own.Concat(read).DistinctBy(p => p.Name, StringComparer.OrdinalIgnoreCase)]);
    }

    // Wolverine binds a simple value (or a list of them) that is not a route argument from the query string by its name,
    // and a [FromQuery] type member by member; services, bodies, headers and the like are something else.
    private static IEnumerable<QueryParameter> BoundFromQuery(ParameterInfo parameter)
    {
        var attributes = parameter.GetCustomAttributes().ToList();
        if (attributes.Any(a => a is IFromServiceMetadata or IFromHeaderMetadata or IFromRouteMetadata or IFromBodyMetadata or IFromFormMetadata)) return [];
        var name = attributes.OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? parameter.Name!;
        if (IsValue(parameter.ParameterType)) return [new QueryParameter(name)];
        if (ElementOf(parameter.ParameterType) is { } element && IsValue(element)) return [new QueryParameter(name, Repeats: true)];
        if (!attributes.OfType<IFromQueryMetadata>().Any()) return [];
        return parameter.ParameterType.GetProperties(BindingFlags.Public | BindingFlags.Instance)
            .Where(p => IsValue(p.PropertyType) || ElementOf(p.PropertyType) is { } e && IsValue(e))
            .Select(p => new QueryParameter(p.GetCustomAttributes().OfType<IFromQueryMetadata>().FirstOrDefault()?.Name ?? p.Name, Repeats: !IsValue(p.PropertyType)));
    }

    private static bool IsValue(Type type)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        return type.IsPrimitive || type.IsEnum || type == typeof(string) || type == typeof(decimal) || type == typeof(Guid)
               || type == typeof(DateTime) || type == typeof(DateTimeOffset) || type == typeof(DateOnly) || type == typeof(TimeOnly) || type == typeof(TimeSpan)
               || type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]) is not null;
    }

    private static Type? ElementOf(Type type) =>
        type == typeof(string) ? null
        : type.IsArray ? type.GetElementType()
        : type.IsGenericType && type.GetGenericArguments() is [var element] && typeof(IEnumerable<>).MakeGenericType(element).IsAssignableFrom(type) ? element
        : null;
}

/// <summary>
/// Refuses, with a 400 naming it, a query parameter the route does not read, one given twice where the route reads one
/// value, and one given empty: a filter that silently does nothing answers a question the caller did not ask. Runs after authorization (a caller
/// without a token still gets 401) and before anything reads the query. Routes without <see cref="QueryParameterSet"/>
/// (OpenAPI, Scalar, health) are not Wolverine endpoints and are left alone.
/// </summary>
public sealed class QueryParameters(RequestDelegate next)
{
    /// <summary>Attaches each Wolverine endpoint's <see cref="QueryParameterSet"/>; <paramref name="middleware"/> say what they read on a route.</summary>
    public static void Derive(WolverineHttpOptions options, params MiddlewareReads[] middleware) =>
        options.ConfigureEndpoints(chain => chain.WithMetadata(QueryParameterSet.Of(chain, middleware)));

    public async Task InvokeAsync(HttpContext context, IProblemDetailsService problems)
    {
        var taken = context.GetEndpoint()?.Metadata.GetMetadata<QueryParameterSet>();
        if (taken is null)
        {
            // A page (or the API reference) whose path names a record by a blank or unreadable segment names nothing: not found.
            if (context.Request.RouteValues.Values.OfType<string>().Any(v => string.IsNullOrWhiteSpace(v) || TextRules.FirstUnreadable(v, prose: false) is not null))
            {
                context.Response.StatusCode = StatusCodes.Status404NotFound;
                return;
            }

            await next(context);
            return;
        }

        var errors = new Dictionary<string, string[]>();
        // A NUL or other control character in a path segment or query value can name nothing on record, and PostgreSQL
        // cannot even compare with it: refused before anything reads it.
        foreach (var (name, value) in context.Request.RouteValues)
        {
            if (value is not string text) continue;
            if (TextRules.FirstUnreadable(text, prose: false) is not null) errors[name] = ["has a control character or broken Unicode."];
            else if (string.IsNullOrWhiteSpace(text)) errors[name] = ["is blank: name a record."];
        }

        foreach (var (name, values) in context.Request.Query)
        {
            var parameter = taken.Find(name);
            if (parameter is null)
            {
                var takes = taken.Parameters.Count == 0 ? "it takes none" : "it takes: " + string.Join(", ", taken.Parameters.Select(p => p.Name));
                errors[name] = [$"is not a parameter of this route; {takes}."];
            }
            else if (values.Count > 1 && !parameter.Repeats)
            {
                errors[name] = [$"is given {values.Count} times; this route reads one value."];
            }
            else if (values.Any(string.IsNullOrWhiteSpace))
            {
                // "?effectiveOn=" must not quietly become a read of today's record.
                errors[name] = ["is empty: give it a value, or leave it out."];
            }
            else if (values.Any(v => TextRules.FirstUnreadable(v ?? "", prose: false) is not null))
            {
                errors[name] = ["has a control character or broken Unicode."];
            }
        }

        if (errors.Count > 0)
        {
            await ProblemMapping.WriteAsync(context, problems, new InvalidCommand(errors));
            return;
        }

        await next(context);
    }
}
