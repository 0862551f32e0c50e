using Npgsql;

namespace Repitbot.Hosting.Data;

/// <summary>
/// A PostgreSQL advisory lock per migrated context, so one process at a time migrates a schema. It lives on a
/// connection of its own outside the pool: the lock belongs to that session, so it goes when the connection closes,
/// and with it if the process dies mid-migration.
/// </summary>
internal sealed class MigrationLock : IAsyncDisposable
{
    private readonly NpgsqlConnection _session;

    private MigrationLock(NpgsqlConnection session) => _session = session;

    /// <param name="context">The context's own connection: cloned, so the password (which its connection string no longer shows) comes along.</param>
    public static async Task<MigrationLock> TakeAsync(NpgsqlConnection context, string contextName, CancellationToken cancellationToken)
    {
        var session = context.CloneWith(new NpgsqlConnectionStringBuilder(context.ConnectionString) { Pooling = false }.ConnectionString);
        try
        {
            await session.OpenAsync(cancellationToken);
            await using var take = new NpgsqlCommand("SELECT pg_advisory_lock(hashtext(@key))", session);
            take.Parameters.AddWithValue("key", $"repitbot-migrations:{contextName}");
            // Waiting is the point: another replica is migrating, and its work is ours once it is done.
            take.CommandTimeout = 0;
            await take.ExecuteNonQueryAsync(cancellationToken);
            return new MigrationLock(session);
        }
        catch
        {
            await session.DisposeAsync();
            throw;
        }
    }

    public ValueTask DisposeAsync() => _session.DisposeAsync();
}
