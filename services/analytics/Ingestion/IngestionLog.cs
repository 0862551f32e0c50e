namespace Repitbot.Analytics.Ingestion;

internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "A message of {Queue} moved to the error queue: {Problem}")]
    public static partial void MovedToErrorQueue(ILogger logger, string queue, string problem);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning,
        Message = "Storing {Count} events of {Queue} failed (attempt {Attempt}, {Kind}); trying again in {Delay}")]
    public static partial void StoreFailed(ILogger logger, Exception exception, int count, string queue, int attempt,
        string kind, TimeSpan delay);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Error,
        Message = "Lost the RabbitMQ connection for ingestion; unacknowledged events will be delivered again")]
    public static partial void ConnectionLost(ILogger logger, Exception? exception);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Warning,
        Message = "Could not reconnect ingestion to RabbitMQ (attempt {Attempt}); trying again in {Delay}")]
    public static partial void ReconnectFailed(ILogger logger, Exception exception, int attempt, TimeSpan delay);

    [LoggerMessage(EventId = 7005, Level = LogLevel.Information,
        Message = "Ingestion reads {Queues} event queues at {Host}:{Port}, virtual host {VirtualHost}")]
    public static partial void Consuming(ILogger logger, int queues, string host, int port, string virtualHost);
}
