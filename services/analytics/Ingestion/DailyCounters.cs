namespace Repitbot.Analytics.Ingestion;

/// <summary>What events add to a tutor's day, one value per <see cref="Counter"/>; also a day's or period's totals.</summary>
public sealed class DailyCounters
{
    private readonly long[] _values = new long[Counters.All.Length];

    public long this[Counter counter]
    {
        get => _values[(int)counter];
        set => _values[(int)counter] = value;
    }

    public bool IsEmpty => _values.All(v => v == 0);

    public void Add(DailyCounters other)
    {
        for (var i = 0; i < _values.Length; i++)
        {
            _values[i] += other._values[i];
        }
    }

    public static DailyCounters Of(params (Counter Counter, long Value)[] values)
    {
        var counters = new DailyCounters();
        foreach (var (counter, value) in values)
        {
            counters[counter] += value;
        }

        return counters;
    }
}
