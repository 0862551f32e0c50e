namespace Repitbot.Analytics.Ingestion;

/// <summary>
/// Events added up per tutor and day (and currency, and cancellation reason): what one transaction
/// adds to the rollup tables, or what a recomputed day replaces them with.
/// </summary>
public sealed class RollupSet
{
    public SortedDictionary<(Guid TutorId, DateOnly Day), DailyCounters> Stats { get; } = new();
    public SortedDictionary<(Guid TutorId, DateOnly Day, string Currency), (long Received, long Refunded)> Money { get; } = new();
    public SortedDictionary<(Guid TutorId, DateOnly Day, string By, string Reason), long> Cancellations { get; } = new();

    public static RollupSet Of(IEnumerable<IngestedEvent> events)
    {
        var set = new RollupSet();
        foreach (var e in events)
        {
            set.Add(e);
        }

        return set;
    }

    public void Add(IngestedEvent e)
    {
        var effect = e.Effect;
        if (!effect.Counters.IsEmpty)
        {
            if (!Stats.TryGetValue((e.TutorId, e.Day), out var counters))
            {
                Stats[(e.TutorId, e.Day)] = counters = new DailyCounters();
            }

            counters.Add(effect.Counters);
        }

        if (effect.Money is { } money)
        {
            var key = (e.TutorId, e.Day, money.Currency);
            var (received, refunded) = Money.GetValueOrDefault(key);
            Money[key] = (received + money.ReceivedMinor, refunded + money.RefundedMinor);
        }

        if (effect.Cancellation is { } cancellation)
        {
            var key = (e.TutorId, e.Day, cancellation.CancelledBy, cancellation.Reason);
            Cancellations[key] = Cancellations.GetValueOrDefault(key) + 1;
        }
    }
}
