namespace Repitbot.Analytics.Recovery;

internal static partial class RecoveryLog
{
    [LoggerMessage(EventId = 7101, Level = LogLevel.Warning,
        Message = "The Redis aggregates cannot be trusted ({Kind}: {Reason}); answering from PostgreSQL until they are rebuilt (generation {Generation})")]
    public static partial void LossDetected(ILogger logger, string kind, string reason, long generation);

    [LoggerMessage(EventId = 7102, Level = LogLevel.Information,
        Message = "Rebuilt the Redis aggregates from PostgreSQL: {Events} events, {Keys} keys, {Markers} markers in {Duration} (generation {Generation})")]
    public static partial void Rebuilt(ILogger logger, long events, int keys, int markers, TimeSpan duration, long generation);

    [LoggerMessage(EventId = 7103, Level = LogLevel.Warning,
        Message = "Abandoned a rebuild of the Redis aggregates: {Reason}; the next check starts another")]
    public static partial void Abandoned(ILogger logger, string reason);

    [LoggerMessage(EventId = 7104, Level = LogLevel.Warning,
        Message = "Could not check or rebuild the Redis aggregates; answering from PostgreSQL meanwhile")]
    public static partial void CheckFailed(ILogger logger, Exception exception);

    [LoggerMessage(EventId = 7105, Level = LogLevel.Information,
        Message = "Another replica holds the rebuild lease; answering from PostgreSQL until it is done")]
    public static partial void RebuildElsewhere(ILogger logger);
}
