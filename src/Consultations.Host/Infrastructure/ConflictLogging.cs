using Marten;
using Marten.Services;
using Npgsql;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// Marten's logger, except that a write that lost a race is not logged as an error. Marten logs every failed command at
/// Error, and a command that fails because another write reached the record first (a stream version mismatch, MT003, or a
/// unique violation, 23505: the same new record or idempotency key claimed twice) is an expected outcome the service
/// answers with 409 (<see cref="LostRace"/>). Those go to the <see cref="Category"/> category at Information; every other
/// failure is logged at Error under Marten's own category, as before. The exception itself still propagates (nothing is
/// swallowed).
/// </summary>
public sealed class ConflictLogging(ILoggerFactory factory) : IMartenLogger, IMartenSessionLogger
{
    public const string Category = "Consultations.Conflicts";

    private readonly ILogger _marten = factory.CreateLogger<IDocumentStore>();
    private readonly ILogger _conflicts = factory.CreateLogger(Category);

    /// <summary>Puts this logger in place of Marten's default one.</summary>
    public static void Use(IServiceCollection services) =>
        services.ConfigureMarten((provider, options) => options.Logger(new ConflictLogging(provider.GetRequiredService<ILoggerFactory>())));

    private static IEnumerable<Exception> Chain(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException) yield return e;
    }

    public IMartenSessionLogger StartSession(IQuerySession session) => this;

    public void SchemaChange(string sql) => _marten.LogInformation("Executed schema update SQL:\n{SQL}", sql);

    public void LogSuccess(NpgsqlCommand command)
    {
        if (_marten.IsEnabled(LogLevel.Debug)) _marten.LogDebug("Marten executed SQL: {SQL}\n{PARAMETERS}", command.CommandText, Parameters(command.Parameters));
    }

    public void LogSuccess(NpgsqlBatch batch)
    {
        foreach (var command in batch.BatchCommands) LogSuccess(command.CommandText, command.Parameters);
    }

    public void LogFailure(NpgsqlCommand command, Exception ex) => Failure(ex, command.CommandText, Parameters(command.Parameters));

    public void LogFailure(NpgsqlBatch batch, Exception ex)
    {
        // One line for a lost race (the batch's commands all fail with it); each command, as Marten logs them, for anything else.
        if (LostRace.Is(ex)) Failure(ex, string.Join("\n", batch.BatchCommands.Cast<NpgsqlBatchCommand>().Select(c => c.CommandText)), "");
        else foreach (var command in batch.BatchCommands) Failure(ex, command.CommandText, Parameters(command.Parameters));
    }

    public void LogFailure(Exception ex, string message) => Failure(ex, message, "");

    public void RecordSavedChanges(IDocumentSession session, IChangeSet commit)
    {
    }

    public void OnBeforeExecute(NpgsqlCommand command)
    {
    }

    public void OnBeforeExecute(NpgsqlBatch batch)
    {
    }

    private void LogSuccess(string sql, System.Data.Common.DbParameterCollection parameters)
    {
        if (_marten.IsEnabled(LogLevel.Debug)) _marten.LogDebug("Marten executed SQL: {SQL}\n{PARAMETERS}", sql, Parameters(parameters));
    }

    private void Failure(Exception ex, string sql, string parameters)
    {
        if (LostRace.Is(ex))
        {
            var postgres = Chain(ex).OfType<PostgresException>().FirstOrDefault();
            _conflicts.LogInformation("Another write reached the record first ({SqlState}: {Failure}); the request is answered 409",
                postgres?.SqlState ?? ex.GetType().Name, postgres?.MessageText ?? ex.Message);
        }
        else
            _marten.LogError(ex, "Marten encountered an exception executing \n{SQL}\n{PARAMETERS}", sql, parameters);
    }

    private static string Parameters(System.Data.Common.DbParameterCollection parameters) =>
        string.Join(Environment.NewLine, parameters.Cast<System.Data.Common.DbParameter>().Select(p => $"  {p.ParameterName}: {p.Value}"));
}
