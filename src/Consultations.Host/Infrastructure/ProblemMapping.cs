using Microsoft.AspNetCore.Diagnostics;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Turns every refusal into ProblemDetails: 400 for requests that cannot be read or are incomplete (each field
/// named), 404 for unknown records, 409 for a command that contradicts the record or a concurrent write, 422 for
/// a command that breaks a rule whatever the record holds. Failures never reach SaveChanges, so nothing is written.
/// </summary>
public sealed class ProblemMapping(IProblemDetailsService problems, ILogger<ProblemMapping> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext context, Exception exception, CancellationToken ct)
    {
        var problem = ToProblem(exception);
        if (problem is null)
        {
            logger.LogError(exception, "Unhandled failure on {Method} {Path}", context.Request.Method, context.Request.Path);
            return false;
        }

        context.Response.StatusCode = problem.Status ?? 500;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem, Exception = exception });
    }

    /// <summary>Answers a request with a ProblemDetails of its own (for refusals made before any endpoint runs).</summary>
    public static async Task WriteAsync(HttpContext context, IProblemDetailsService problems, int status, string title, string detail, string? rule = null)
    {
        var problem = new ProblemDetails { Status = status, Title = title, Detail = detail, Type = $"https://httpwg.org/specs/rfc9110.html#status.{status}" };
        if (rule is not null) problem.Extensions["rule"] = rule;
        context.Response.StatusCode = status;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem });
    }

    /// <summary>Answers a request with the 400 an endpoint would give, each field at fault named, before any endpoint runs.</summary>
    public static async Task WriteAsync(HttpContext context, IProblemDetailsService problems, InvalidCommand invalid)
    {
        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await problems.WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = Invalid(invalid) });
    }

    public static ProblemDetails? ToProblem(Exception exception) => exception switch
    {
        InvalidCommand e => Invalid(e),
        BadHttpRequestException e => new ProblemDetails
        {
            Status = e.StatusCode, Title = "The request could not be read.", Detail = e.Message, Type = "https://httpwg.org/specs/rfc9110.html#status.400",
        },
        RecordNotFound e => new ProblemDetails
        {
            Status = StatusCodes.Status404NotFound, Title = $"No such {e.RecordKind}.", Detail = e.Message,
            Type = "https://httpwg.org/specs/rfc9110.html#status.404",
        },
        RuleBroken e => Rule(e),
        StaleVersion e => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = "The record changed since it was read.", Detail = e.Message,
            Type = "https://httpwg.org/specs/rfc9110.html#status.409",
            Extensions = { ["rule"] = "stale-version", ["currentVersion"] = e.Current, ["expectedVersion"] = e.Expected },
        },
        _ when LostRace.Is(exception) => new ProblemDetails
        {
            Status = StatusCodes.Status409Conflict, Title = "The record changed while this request was being decided.",
            Detail = "Another write reached the same record first. Read it again and retry.",
            Type = "https://httpwg.org/specs/rfc9110.html#status.409",
            Extensions = { ["rule"] = "concurrent-write" },
        },
        _ => null,
    };

    private static ValidationProblemDetails Invalid(InvalidCommand e) => new(e.Errors.ToDictionary(x => x.Key, x => x.Value))
    {
        Status = StatusCodes.Status400BadRequest,
        Title = "The request is invalid.",
        Detail = string.Join(" ", e.Errors.Select(x => $"{x.Key}: {string.Join(" ", x.Value)}")),
        Type = "https://httpwg.org/specs/rfc9110.html#status.400",
    };

    private static ProblemDetails Rule(RuleBroken e)
    {
        var conflict = e.Kind == RuleKind.Conflict;
        return new ProblemDetails
        {
            Status = conflict ? StatusCodes.Status409Conflict : StatusCodes.Status422UnprocessableEntity,
            Title = conflict ? "The record does not allow this." : "This breaks a rule of the record.",
            Detail = e.Message,
            Type = conflict ? "https://httpwg.org/specs/rfc9110.html#status.409" : "https://httpwg.org/specs/rfc9110.html#status.422",
            Extensions = { ["rule"] = e.Rule },
        };
    }
}
