using StackExchange.Redis;

namespace Repitbot.Analytics.Realtime;

/// <summary>
/// Every Redis key analytics writes. Per tutor keys carry the tutor id, "all" keys add up every tutor;
/// day keys are UTC days. Nothing here expires but the markers and the rebuild flag: all of it can be rebuilt from PostgreSQL.
/// </summary>
public static class RedisKeys
{
    /// <summary>Hash of counters (<see cref="Ingestion.Counter"/> names, <c>received:RUB</c>, <c>refunded:RUB</c>, <c>cancelled:Tutor</c>).</summary>
    public static RedisKey Day(Guid? tutorId, DateOnly day) => $"analytics:{Owner(tutorId)}:day:{day:yyyy-MM-dd}";

    /// <summary>HyperLogLog of students who did something that day.</summary>
    public static RedisKey ActiveStudents(Guid? tutorId, DateOnly day) => $"analytics:{Owner(tutorId)}:active-students:{day:yyyy-MM-dd}";

    /// <summary>HyperLogLog of everyone active that day, tutors and students (DAU/WAU/MAU).</summary>
    public static RedisKey ActiveUsers(DateOnly day) => $"analytics:all:active-users:{day:yyyy-MM-dd}";

    /// <summary>Sorted set: material id → views that day.</summary>
    public static RedisKey Materials(Guid? tutorId, DateOnly day) => $"analytics:{Owner(tutorId)}:materials:{day:yyyy-MM-dd}";

    /// <summary>Sorted set: student id → things the student did that day (lessons attended, homework, views, payments).</summary>
    public static RedisKey Students(Guid tutorId, DateOnly day) => $"analytics:{Owner(tutorId)}:students:{day:yyyy-MM-dd}";

    /// <summary>Set once an event has been applied (the exactly-once marker).</summary>
    public static RedisKey Applied(Guid eventId) => $"analytics:applied:{eventId:N}";

    /// <summary>Cache-invalidation contract with the read side: INCR after every stored batch.</summary>
    public static RedisKey Version(Guid? tutorId) => tutorId is { } id ? $"analytics:version:{id}" : "analytics:version:all";

    /// <summary>"{generation}:{tick}", the mirror of the PostgreSQL trust record (Recovery/TrustLedger.cs).</summary>
    public static readonly RedisKey Generation = "analytics:meta:generation";

    /// <summary>Set while the aggregates are rebuilt: the counting script refuses to count, ingestion waits.</summary>
    public static readonly RedisKey Rebuilding = "analytics:meta:rebuilding";

    public static string Received(string currency) => "received:" + currency;

    public static string Refunded(string currency) => "refunded:" + currency;

    public static string Cancelled(string by) => "cancelled:" + by;

    private static string Owner(Guid? tutorId) => tutorId is { } id ? $"tutor:{id:N}" : "all";
}
