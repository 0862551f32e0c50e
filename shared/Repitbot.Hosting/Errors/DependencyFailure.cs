using System.Net;
using System.Net.Sockets;
using MassTransit;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using StackExchange.Redis;

namespace Repitbot.Hosting.Errors;

/// <summary>
/// Recognises an exception that means "a server this service needs did not answer" (as opposed to a
/// bug or a client's mistake) and names that server. EF Core, MassTransit and our own code wrap the
/// driver's exception, so the whole chain of inner exceptions is searched.
/// </summary>
public static class DependencyFailure
{
    public const string PostgreSql = "PostgreSQL";
    public const string Redis = "Redis";
    public const string RabbitMq = "RabbitMQ";
    public const string Smtp = "SMTP";
    public const string HttpService = "HTTP service";

    // The server is shutting down, restarting, refusing connections, or out of resources: retrying later helps.
    // A constraint violation or a serialization failure is not an outage and is deliberately absent.
    private static readonly HashSet<string> PostgresOutageStates = new(StringComparer.Ordinal)
    {
        PostgresErrorCodes.AdminShutdown, PostgresErrorCodes.CrashShutdown, PostgresErrorCodes.CannotConnectNow,
        PostgresErrorCodes.TooManyConnections, PostgresErrorCodes.ConfigurationLimitExceeded,
        PostgresErrorCodes.InsufficientResources, PostgresErrorCodes.DiskFull, PostgresErrorCodes.OutOfMemory,
        PostgresErrorCodes.IdleSessionTimeout,
    };

    // MailKit is not a dependency of the hosting library; its connection failures are recognised by name.
    private static readonly HashSet<string> SmtpConnectionFailures = new(StringComparer.Ordinal)
    {
        "MailKit.ServiceNotConnectedException", "MailKit.Net.Smtp.SmtpProtocolException", "MailKit.Security.SslHandshakeException",
    };

    /// <summary>The unavailable dependency behind <paramref name="exception"/>, or null when it is something else.</summary>
    public static string? Identify(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++, exception = exception.InnerException)
        {
            if (Classify(exception) is { } dependency)
            {
                return dependency;
            }

            if (exception is AggregateException aggregate)
            {
                return aggregate.InnerExceptions.Select(Identify).FirstOrDefault(d => d is not null);
            }
        }

        return null;
    }

    private static string? Classify(Exception exception) => exception switch
    {
        PostgresException postgres => IsOutage(postgres.SqlState) ? PostgreSql : null,
        NpgsqlException npgsql => npgsql.IsTransient ? PostgreSql : null,
        RedisConnectionException or RedisTimeoutException => Redis,
        RedisServerException server when IsRedisUnavailable(server.Message) => Redis,
        BrokerUnreachableException or ConnectFailureException or AlreadyClosedException => RabbitMq,
        RabbitMqConnectionException or TransportUnavailableException => RabbitMq,
        HttpRequestException http when IsUnreachable(http) => HttpService,
        _ when SmtpConnectionFailures.Contains(exception.GetType().FullName ?? string.Empty) => Smtp,
        TimeoutException or SocketException => BySource(exception.Source),
        _ => null,
    };

    private static bool IsOutage(string sqlState) =>
        PostgresOutageStates.Contains(sqlState) || sqlState.StartsWith("08", StringComparison.Ordinal); // class 08: connection exception

    // LOADING: a restarted Redis is reading its snapshot; MASTERDOWN/READONLY: a replica mid-failover.
    private static bool IsRedisUnavailable(string message) =>
        message.StartsWith("LOADING", StringComparison.Ordinal) || message.StartsWith("MASTERDOWN", StringComparison.Ordinal)
        || message.StartsWith("READONLY", StringComparison.Ordinal);

    private static bool IsUnreachable(HttpRequestException http) =>
        http.HttpRequestError is HttpRequestError.ConnectionError or HttpRequestError.NameResolutionError
            or HttpRequestError.SecureConnectionError or HttpRequestError.ResponseEnded or HttpRequestError.ProxyTunnelError
        || http.StatusCode is HttpStatusCode.BadGateway or HttpStatusCode.ServiceUnavailable or HttpStatusCode.GatewayTimeout;

    // A bare timeout or socket error says nothing about whose it is, except through the library that threw it.
    private static string? BySource(string? source) => source switch
    {
        "Npgsql" => PostgreSql,
        "StackExchange.Redis" => Redis,
        "RabbitMQ.Client" or "MassTransit" or "MassTransit.RabbitMqTransport" => RabbitMq,
        "MailKit" => Smtp,
        _ => null,
    };
}
