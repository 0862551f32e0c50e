using System.Net.Sockets;
using Npgsql;
using StackExchange.Redis;

namespace Repitbot.Hosting.Data;

/// <summary>
/// Which failures are the infrastructure's (PostgreSQL or Redis away, a broken connection, a time-out):
/// wait and try the same thing again, rather than blaming the data or giving up on it.
/// </summary>
public static class TransientFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        RedisConnectionException or RedisTimeoutException => true,
        TimeoutException or SocketException or IOException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
