using Microsoft.Extensions.Options;
using Repitbot.Hosting.Workers;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>Claims queued full-report jobs one at a time and runs them; a failed job is retried up to the limit.</summary>
public sealed partial class ReportWorker(ReportJobStore store, FullReport report, ReportSignal signal, IOptions<ReportOptions> options,
    WorkerHeartbeats workers, ILogger<ReportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        var heartbeat = workers.Loop("analytics-report-worker", settings.PollInterval);
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                var job = await store.ClaimAsync(settings.Lease, stoppingToken);
                heartbeat.Beat();
                if (job is not null)
                {
                    await RunAsync(job, settings, heartbeat, stoppingToken);
                    continue;
                }

                await signal.WaitAsync(settings.PollInterval, stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database being briefly unreachable must not end the worker.
                LogLoopFailed(ex);
                try
                {
                    await Task.Delay(settings.PollInterval, stoppingToken);
                }
                catch (OperationCanceledException)
                {
                    return;
                }
            }
        }
    }

    private async Task RunAsync(ReportJob job, ReportOptions settings, WorkerHeartbeat heartbeat, CancellationToken stoppingToken)
    {
        try
        {
            var file = await report.BuildAsync(job, async percent =>
            {
                await store.ProgressAsync(job.Id, percent, settings.Lease, stoppingToken);
                heartbeat.Beat();
            }, stoppingToken);
            await store.CompleteAsync(job.Id, file, stoppingToken);
            LogDone(job.Id, file.Content.Length);
        }
        catch (Exception ex) when (!stoppingToken.IsCancellationRequested)
        {
            LogJobFailed(ex, job.Id, job.Attempts);
            await store.FailAsync(job.Id, ex.Message, settings.MaxAttempts, stoppingToken);
        }
    }

    [LoggerMessage(LogLevel.Information, "Report job {JobId} done ({Bytes} bytes)")]
    private partial void LogDone(Guid jobId, int bytes);

    [LoggerMessage(LogLevel.Error, "Report job {JobId} failed on attempt {Attempt}")]
    private partial void LogJobFailed(Exception exception, Guid jobId, int attempt);

    [LoggerMessage(LogLevel.Error, "The report worker could not claim jobs")]
    private partial void LogLoopFailed(Exception exception);
}
