namespace Repitbot.Analytics.Ingestion;

/// <summary>Everything one stored event changes in the rollups and in Redis, derived once from the event.</summary>
public sealed record EventEffect(DailyCounters Counters)
{
    public Money? Money { get; init; }
    public Cancellation? Cancellation { get; init; }
    public LinkChange? Link { get; init; }
    /// <summary>The student who did something (attended, submitted, viewed, paid): counts as active that day.</summary>
    public Guid? ActiveStudent { get; init; }
    public Guid? ViewedMaterial { get; init; }
}

/// <summary>Minor units of one ISO currency.</summary>
public sealed record Money(string Currency, long ReceivedMinor, long RefundedMinor);

public sealed record Cancellation(string CancelledBy, string Reason)
{
    public const int MaxReasonLength = 100;

    /// <summary>Free text reasons grouped case- and space-insensitively, cut to a column's width.</summary>
    public static string Normalize(string reason)
    {
        var normalized = string.Join(' ', reason.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
        return normalized.Length <= MaxReasonLength ? normalized : normalized[..MaxReasonLength];
    }
}

/// <summary>A tutor–student link opened (ValidFrom) or closed (ValidTo).</summary>
public sealed record LinkChange(Guid LinkId, Guid StudentId, Guid? ParentId, DateTimeOffset? ValidFrom, DateTimeOffset? ValidTo);
