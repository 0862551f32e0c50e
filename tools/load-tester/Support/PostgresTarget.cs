using System.Net.Sockets;
using Npgsql;

namespace Repitbot.LoadTester.Support;

public static class PostgresTarget
{
    /// <summary>Opens a connection, or fails with one line naming the server when it cannot.</summary>
    public static async Task<NpgsqlConnection> OpenAsync(string connectionString, CancellationToken cancellationToken)
    {
        var connection = new NpgsqlConnection(connectionString);
        try
        {
            await connection.OpenAsync(cancellationToken);
            return connection;
        }
        catch (Exception ex) when (ex is NpgsqlException or SocketException or TimeoutException)
        {
            var settings = new NpgsqlConnectionStringBuilder(connectionString);
            var address = $"{settings.Host}:{settings.Port}/{settings.Database}";
            await connection.DisposeAsync();
            throw new TargetUnreachableException("PostgreSQL", address, ex.GetBaseException().Message);
        }
    }
}
