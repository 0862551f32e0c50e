using Repitbot.Analytics.People;
using Repitbot.Analytics.ReadSide;

namespace Repitbot.Analytics.Areas;

public sealed record MoneyPoint(DateOnly Period, string Currency, long AmountMinor);

public sealed record MethodTotal(string Method, string Currency, long Count, long AmountMinor);

public sealed record CurrencyTotal(string Currency, long RevenueMinor, long RefundsMinor, long NetMinor, long Payments,
    long Refunds, long ArpuMinor);

/// <summary><see cref="Name"/>: the display name analytics knows from the student's profile events, else the start of the id.</summary>
public sealed record StudentBalance(Guid StudentId, string Name, string Currency, long PaidMinor, long RefundedMinor, long ChargedMinor,
    long OutstandingMinor, long LifetimeValueMinor);

public sealed record PaymentsReport(Period Period, long ActiveStudents, IReadOnlyList<CurrencyTotal> Totals,
    IReadOnlyList<MoneyPoint> Revenue, IReadOnlyList<MethodTotal> ByMethod, IReadOnlyList<StudentBalance> Students);

public sealed record PaymentFlow(DateOnly Bucket, string Type, string Currency, string Method, long Count, long Amount);

/// <summary>
/// Money in minor units, always per currency (amounts in different currencies are never added).
/// A student's balance is what they paid less refunds less the price of their completed lessons
/// (price from the lesson's LessonScheduled), all up to the end of the period; ARPU divides the
/// period's net revenue by the students active in the period (any event naming them).
/// </summary>
public sealed class PaymentsArea(EventSql sql, Profiles profiles)
{
    public async Task<PaymentsReport> GetAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null)
    {
        var flowsTask = FlowsAsync(scope, period, ct, memo);
        var balancesTask = BalancesAsync(scope, period, ct);
        var active = (await sql.ListAsync("""
            SELECT count(DISTINCT student_id) FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to AND student_id IS NOT NULL
            """, scope, period, r => r.GetInt64(0), ct)).Single();
        var (flows, students) = (await flowsTask, await balancesTask);
        var received = flows.Where(f => f.Type == "PaymentReceived").ToList();
        var totals = Totals(flows, active);
        var byMethod = received.GroupBy(f => (f.Method, f.Currency))
            .Select(g => new MethodTotal(g.Key.Method, g.Key.Currency, g.Sum(f => f.Count), g.Sum(f => f.Amount)))
            .OrderByDescending(m => m.AmountMinor).ToList();
        return new PaymentsReport(period, active, totals, RevenueSeries(period, flows, totals), byMethod, students);
    }

    /// <summary>Payments and refunds per bucket, type, currency and method.</summary>
    public Task<List<PaymentFlow>> FlowsAsync(AnalyticsScope scope, Period period, CancellationToken ct, ReadMemo? memo = null) =>
        ReadMemo.Once(memo, $"payments-flows:{period.From}:{period.To}:{period.Bucket}", () => sql.ListAsync("""
            SELECT date_trunc(@bucket, occurred_at AT TIME ZONE @tz)::date, type, payload->>'currency',
                   coalesce(payload->>'method', ''), count(*), sum((payload->>'amountMinor')::bigint)
            FROM analytics.events
            WHERE {scope} AND occurred_at >= @from AND occurred_at < @to AND type IN ('PaymentReceived', 'PaymentRefunded')
            GROUP BY 1, 2, 3, 4
            """, scope, period, r => new PaymentFlow(DateOnly.FromDateTime(r.GetDateTime(0)), r.GetString(1), r.GetString(2),
            r.GetString(3), r.GetInt64(4), r.GetInt64(5)), ct));

    /// <summary>Per currency: revenue, refunds, net, counts, and ARPU over <paramref name="active"/> students.</summary>
    public static List<CurrencyTotal> Totals(IReadOnlyList<PaymentFlow> flows, long active)
    {
        var received = flows.Where(f => f.Type == "PaymentReceived").ToList();
        var refunded = flows.Where(f => f.Type == "PaymentRefunded").ToList();
        var totals = flows.Select(f => f.Currency).Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).Select(currency =>
        {
            var revenue = received.Where(f => f.Currency == currency).Sum(f => f.Amount);
            var refunds = refunded.Where(f => f.Currency == currency).Sum(f => f.Amount);
            return new CurrencyTotal(currency, revenue, refunds, revenue - refunds,
                received.Where(f => f.Currency == currency).Sum(f => f.Count), refunded.Where(f => f.Currency == currency).Sum(f => f.Count),
                active == 0 ? 0 : (revenue - refunds) / active);
        }).ToList();
        return totals;
    }

    /// <summary>Revenue per bucket and currency, every bucket of the period included.</summary>
    public static List<MoneyPoint> RevenueSeries(Period period, IReadOnlyList<PaymentFlow> flows, IReadOnlyList<CurrencyTotal> totals) =>
        totals.SelectMany(t => period.Buckets().Select(b => new MoneyPoint(b, t.Currency,
            flows.Where(f => f.Type == "PaymentReceived" && f.Bucket == b && f.Currency == t.Currency).Sum(f => f.Amount)))).ToList();

    private async Task<List<StudentBalance>> BalancesAsync(AnalyticsScope scope, Period period, CancellationToken ct)
    {
        // Per student and currency up to the end of the period: paid, refunded, and the price of lessons
        // that took place (attended or no-show) whose scheduling carried a price.
        var rows = await sql.ListAsync("""
            WITH money AS (
                SELECT student_id, payload->>'currency' AS currency,
                       sum((payload->>'amountMinor')::bigint) FILTER (WHERE type = 'PaymentReceived') AS paid,
                       sum((payload->>'amountMinor')::bigint) FILTER (WHERE type = 'PaymentRefunded') AS refunded
                FROM analytics.events
                WHERE {scope} AND occurred_at < @to AND type IN ('PaymentReceived', 'PaymentRefunded') AND student_id IS NOT NULL
                GROUP BY 1, 2),
            priced AS (
                SELECT DISTINCT ON (payload->>'lessonId') payload->>'lessonId' AS lesson,
                       (payload->>'priceMinor')::bigint AS price, payload->>'currency' AS currency
                FROM analytics.events
                WHERE {scope} AND type = 'LessonScheduled' AND payload->>'priceMinor' IS NOT NULL AND payload->>'currency' IS NOT NULL
                ORDER BY payload->>'lessonId', occurred_at DESC),
            held AS (
                SELECT DISTINCT payload->>'lessonId' AS lesson, student_id
                FROM analytics.events
                WHERE {scope} AND {happened} < @to AND type = 'LessonCompleted' AND student_id IS NOT NULL),
            charged AS (
                SELECT h.student_id, p.currency, sum(p.price) AS charged FROM held h JOIN priced p USING (lesson) GROUP BY 1, 2)
            SELECT coalesce(m.student_id, c.student_id), coalesce(m.currency, c.currency),
                   coalesce(m.paid, 0), coalesce(m.refunded, 0), coalesce(c.charged, 0)
            FROM money m FULL JOIN charged c ON c.student_id = m.student_id AND c.currency = m.currency
            ORDER BY 1, 2
            """, scope, period, r => (Student: r.GetGuid(0), Currency: r.GetString(1), Paid: r.GetInt64(2), Refunded: r.GetInt64(3),
            Charged: r.GetInt64(4)), ct);
        var names = await profiles.NamesAsync(rows.Select(r => r.Student), ct);
        return rows.Select(r => new StudentBalance(r.Student, StudentNames.Label(r.Student, names), r.Currency, r.Paid, r.Refunded,
            r.Charged, Math.Max(0, r.Charged - (r.Paid - r.Refunded)), r.Paid - r.Refunded)).ToList();
    }
}
