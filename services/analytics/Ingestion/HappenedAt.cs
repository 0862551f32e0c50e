using Repitbot.Contracts;

namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// When an event happened, and so the UTC day it counts on in every figure: the rollups, the Redis day keys, the
/// day recompute, the rebuild and the read side's queries over <c>analytics.events</c>. <c>OccurredAt</c> is when
/// the event was recorded; only a completed lesson carries a time of its own that a tutor records after the fact
/// (held on Monday, logged on Wednesday): its <c>startsAt</c>. Scheduling, rescheduling and cancelling a lesson,
/// homework, payments, materials and links are acts recorded as they happen, so their <c>OccurredAt</c> is their
/// time (a cancellation's <c>startsAt</c> is the lesson that did not take place, a due date is a deadline).
/// A lesson is held no later than it is reported, so a <c>startsAt</c> after <c>OccurredAt</c> (a lesson held
/// earlier than planned) counts at <c>OccurredAt</c>. The consequence the queries rely on: the moment is never
/// after <c>occurred_at</c>, so <c>occurred_at &gt;= @from</c> is a safe bound that prunes the monthly partitions.
/// </summary>
public static class HappenedAt
{
    public static DateTimeOffset Of(IDomainEvent e) => (e switch
    {
        LessonCompleted { StartsAt: { } startsAt } c when startsAt < c.OccurredAt => startsAt,
        _ => e.OccurredAt,
    }).ToUniversalTime();

    /// <summary>
    /// The same moment in SQL over a row of <c>analytics.events</c>: its <c>happened_at</c> column, which PostgreSQL
    /// computes from the row by this rule (migration HappenedAtColumn); <paramref name="alias"/> is a table alias with
    /// its dot ("e.").
    /// </summary>
    public static string Sql(string alias = "") => $"{alias}happened_at";

    /// <summary>
    /// Happened in [@from, @to): the rule itself, plus <c>occurred_at &gt;= @from</c> (implied by it) so PostgreSQL can
    /// leave out the months before the period.
    /// </summary>
    public static string InPeriodSql(string alias = "") =>
        $"{alias}occurred_at >= @from AND {alias}happened_at >= @from AND {alias}happened_at < @to";
}
