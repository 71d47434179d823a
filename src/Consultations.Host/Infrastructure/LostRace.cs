using Npgsql;

namespace Consultations.Host.Infrastructure;

/// <summary>
/// "Another write got there first": the one list of failures that mean a concurrent write reached the record (or the new
/// record's id, or the idempotency key) before this one. The API answers it 409 (<see cref="ProblemMapping"/>), a web
/// form shows it as a stale edit (<see cref="Web.WebForm"/>), and Marten's logger logs it at Information, not Error
/// (<see cref="ConflictLogging"/>).
/// </summary>
public static class LostRace
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is JasperFx.ConcurrencyException or JasperFx.DocumentAlreadyExistsException
                or Marten.Exceptions.ExistingStreamIdCollisionException or Marten.Exceptions.StreamLockedException
                // The same rows claimed twice (a unique violation), or Marten's stream version check (MT003), seen raw.
                or PostgresException { SqlState: PostgresErrorCodes.UniqueViolation or "MT003" })
                return true;
        }

        return false;
    }
}
