using Npgsql;
using Repitbot.Analytics.Recovery;

namespace Repitbot.Analytics.Tests.Recovery;

/// <summary>The rebuild lease taken by the test, as another replica in the middle of a rebuild would hold it.</summary>
public sealed class HeldLease : IAsyncDisposable
{
    private readonly NpgsqlConnection _connection;

    private HeldLease(NpgsqlConnection connection) => _connection = connection;

    public static async Task<HeldLease> TakeAsync(NpgsqlDataSource database)
    {
        var connection = await database.OpenConnectionAsync();
        await using var command = new NpgsqlCommand($"SELECT pg_advisory_lock({RebuildLease.Space}, {RebuildLease.Id})", connection);
        await command.ExecuteNonQueryAsync();
        return new HeldLease(connection);
    }

    public async ValueTask DisposeAsync()
    {
        await using (var command = new NpgsqlCommand($"SELECT pg_advisory_unlock({RebuildLease.Space}, {RebuildLease.Id})", _connection))
        {
            await command.ExecuteNonQueryAsync();
        }

        await _connection.DisposeAsync();
    }
}
