namespace Repitbot.Analytics.Ingestion;

internal static partial class IngestionLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Warning,
        Message = "Malformed {Type} {EventId} moved to the error queue: {Problem}")]
    public static partial void InvalidEvent(ILogger logger, string type, Guid eventId, string problem);
}
