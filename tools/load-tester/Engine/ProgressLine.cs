using System.Globalization;

namespace Repitbot.LoadTester.Engine;

/// <summary>
/// Once a second: time, sent/planned, done, errors, in flight and the running p50/p99. Redrawn in place
/// on a terminal; a plain line every five seconds when stderr goes to a file.
/// </summary>
public sealed class ProgressLine(string label, long planned, ResultRecorder recorder, OpenModelRunner runner, TextWriter output,
    bool interactive) : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _loop;

    public void Start() => _loop = LoopAsync(_stop.Token);

    private async Task LoopAsync(CancellationToken cancellationToken)
    {
        var started = DateTimeOffset.UtcNow;
        using var timer = new PeriodicTimer(TimeSpan.FromSeconds(1));
        var tick = 0;
        while (await timer.WaitForNextTickAsync(cancellationToken).ConfigureAwait(false) is true)
        {
            if (interactive || ++tick % 5 == 0)
            {
                var line = Render(DateTimeOffset.UtcNow - started);
                await output.WriteAsync(interactive ? $"\r{line}\u001b[K" : line + Environment.NewLine);
            }
        }
    }

    internal string Render(TimeSpan elapsed)
    {
        var overall = recorder.Overall();
        var p50 = overall.TotalCount > 0 ? overall.GetValueAtPercentile(50) / 1000.0 : 0;
        var p99 = overall.TotalCount > 0 ? overall.GetValueAtPercentile(99) / 1000.0 : 0;
        return string.Create(CultureInfo.InvariantCulture,
            $"[{label}] {elapsed.TotalSeconds,5:0.0}s  sent {runner.Dispatched}/{planned}  done {recorder.Completed}  errors {recorder.Failed}  in flight {runner.InFlight}  p50 {p50:0.0} ms  p99 {p99:0.0} ms");
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_loop is not null)
        {
            try
            {
                await _loop;
            }
            catch (OperationCanceledException)
            {
            }
        }

        if (interactive)
        {
            await output.WriteLineAsync();
        }

        _stop.Dispose();
    }
}
