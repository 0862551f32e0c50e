using System.Net.Sockets;
using Npgsql;
using StackExchange.Redis;

namespace Repitbot.Analytics.Ingestion.Queues;

/// <summary>Which failures to store a batch are the infrastructure's (wait and try again, however long) rather than the events'.</summary>
public static class StoreFailures
{
    public static bool IsTransient(Exception exception) => exception switch
    {
        NpgsqlException npgsql => npgsql.IsTransient,
        RedisConnectionException or RedisTimeoutException => true,
        TimeoutException or SocketException or IOException => true,
        _ => exception.InnerException is { } inner && IsTransient(inner),
    };
}
