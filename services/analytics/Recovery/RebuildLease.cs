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

    public async ValueTask DisposeAsync()
    {
        try
        {
            // The connection goes back to the pool, which keeps session locks: unlock before returning it.
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
