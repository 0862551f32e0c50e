using Npgsql;

namespace Repitbot.Analytics.Recovery;

/// <summary>
/// Only one replica rebuilds: a session-level PostgreSQL advisory lock held on a connection of its own for as
/// long as the rebuild runs. A process that dies loses its connection and with it the lock, so there is no
/// expiry to tune and no stale lease to clear by hand.
/// </summary>
public sealed class RebuildLease : IAsyncDisposable
{
    /// <summary>Lock space "AR" (analytics recovery), apart from the day locks' "AN" space.</summary>
    public const int Space = 0x4152;

    public const int Id = 1;

    private readonly NpgsqlConnection _connection;

    private RebuildLease(NpgsqlConnection connection) => _connection = connection;

    /// <summary>The lease, or null while another process (or this one) holds it.</summary>
    public static async Task<RebuildLease?> TryAcquireAsync(NpgsqlDataSource dataSource, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand($"SELECT pg_try_advisory_lock({Space}, {Id})", connection);
            if (await command.ExecuteScalarAsync(cancellationToken) is true)
            {
                return new RebuildLease(connection);
            }
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }

        await connection.DisposeAsync();
        return null;
    }

    /// <summary>The lease, waiting up to <paramref name="wait"/> for its holder to finish; null when it did not.</summary>
    public static async Task<RebuildLease?> AcquireAsync(NpgsqlDataSource dataSource, TimeSpan wait, CancellationToken cancellationToken)
    {
        var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        try
        {
            await using var command = new NpgsqlCommand(
                $"SET lock_timeout = {(long)wait.TotalMilliseconds}; SELECT pg_advisory_lock({Space}, {Id}); RESET lock_timeout", connection);
            await command.ExecuteNonQueryAsync(cancellationToken);
            return new RebuildLease(connection);
        }
        catch (PostgresException ex) when (ex.SqlState == PostgresErrorCodes.LockNotAvailable)
        {
            // The timeout ended the command before its RESET, and pooled sessions are not reset on return.
            try
            {
                await using var reset = new NpgsqlCommand("RESET lock_timeout", connection);
                await reset.ExecuteNonQueryAsync(cancellationToken);
            }
            finally
            {
                await connection.DisposeAsync();
            }

            return null;
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }

    public async ValueTask DisposeAsync()
    {
        try
        {
            // Session locks outlive a transaction: unlock before the connection goes back to the pool, rather
            // than rely on the pool resetting it.
            await using var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({Space}, {Id})", _connection);
            await command.ExecuteScalarAsync();
        }
        catch (NpgsqlException)
        {
            // A broken connection is closed, not pooled, and PostgreSQL drops its locks with it.
        }
        finally
        {
            await _connection.DisposeAsync();
        }
    }
}
