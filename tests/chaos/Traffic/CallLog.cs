using System.Collections.Concurrent;

namespace Repitbot.Chaos.Traffic;

/// <summary>Every HTTP answer the scenario's clients got (writes and dashboard reads), by status; connection failures as 0.</summary>
public sealed class CallLog
{
    private readonly ConcurrentDictionary<int, int> _byStatus = new();
    private readonly ConcurrentQueue<string> _serverErrors = new();

    public void Add(int status, string what)
    {
        _byStatus.AddOrUpdate(status, 1, (_, n) => n + 1);
        if (status == 500 && _serverErrors.Count < 5)
        {
            _serverErrors.Enqueue(what);
        }
    }

    /// <summary>Answers with status 500: a fault of ours shown to a client. 503 (and a refused connection) is the honest "try again".</summary>
    public int InternalErrors => _byStatus.GetValueOrDefault(500);

    public IReadOnlyCollection<string> InternalErrorSamples => _serverErrors;

    /// <summary>For example "202×120, 503×14, refused×3".</summary>
    public string Summary() => string.Join(", ", _byStatus.OrderBy(kv => kv.Key)
        .Select(kv => $"{(kv.Key == 0 ? "refused" : kv.Key.ToString(System.Globalization.CultureInfo.InvariantCulture))}×{kv.Value}"));
}
