using System.Collections.Concurrent;
using Consultations.Host.Infrastructure;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Consultations.Web.Tests;

/// <summary>
/// A write that lost a race (answered 409) is not an error in the service's log; a genuine database failure still is. The
/// end-to-end side (a real race on the running service) is in <see cref="OutsideReviewTests"/>.
/// </summary>
public sealed class ConflictLoggingTests
{
    [Theory]
    [InlineData("23505", "duplicate key value violates unique constraint \"pk_mt_events_stream_and_version\"")]
    [InlineData("MT003", "Stream version mismatch on 'jpit-01-mutual-access': expected 1, actual 2")]
    public void A_lost_race_is_logged_as_information_under_its_own_category(string sqlState, string message)
    {
        var (logger, lines) = Capture();
        var failure = new PostgresException(message, "ERROR", "ERROR", sqlState);

        logger.LogFailure(new NpgsqlBatch { BatchCommands = { new NpgsqlBatchCommand("select 1"), new NpgsqlBatchCommand("select 2") } }, failure);
        logger.LogFailure(new NpgsqlCommand("select 1"), new InvalidOperationException("Marten command failure", failure));

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal((ConflictLogging.Category, LogLevel.Information), (l.Category, l.Level)));
        Assert.All(lines, l => Assert.Contains(sqlState, l.Message, StringComparison.Ordinal));
    }

    [Fact]
    public void A_genuine_database_failure_is_still_logged_as_an_error_under_marten_s_category()
    {
        var (logger, lines) = Capture();

        logger.LogFailure(new NpgsqlCommand("select * from nowhere"), new PostgresException("relation \"nowhere\" does not exist", "ERROR", "ERROR", "42P01"));
        logger.LogFailure(new InvalidOperationException("The connection broke."), "Marten could not read the stream");

        Assert.Equal(2, lines.Count);
        Assert.All(lines, l => Assert.Equal(("Marten.IDocumentStore", LogLevel.Error), (l.Category, l.Level)));
        Assert.Contains("select * from nowhere", lines.First().Message, StringComparison.Ordinal);
    }

    private static (ConflictLogging Logger, ConcurrentQueue<(string Category, LogLevel Level, string Message)> Lines) Capture()
    {
        var lines = new ConcurrentQueue<(string, LogLevel, string)>();
        var factory = LoggerFactory.Create(b => b.SetMinimumLevel(LogLevel.Information).AddProvider(new Provider(lines)));
        return (new ConflictLogging(factory), lines);
    }

    private sealed class Provider(ConcurrentQueue<(string, LogLevel, string)> lines) : ILoggerProvider
    {
        public ILogger CreateLogger(string categoryName) => new Lines(categoryName, lines);

        public void Dispose()
        {
        }
    }

    private sealed class Lines(string category, ConcurrentQueue<(string, LogLevel, string)> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue((category, logLevel, formatter(state, exception) + (exception is null ? "" : " " + exception.Message)));
    }
}
