using Microsoft.Extensions.Options;

namespace Repitbot.Analytics.Reports.Jobs;

/// <summary>Claims queued full-report jobs one at a time and runs them; a failed job is retried up to the limit.</summary>
public sealed partial class ReportWorker(ReportJobStore store, FullReport report, ReportSignal signal, IOptions<ReportOptions> options,
    ILogger<ReportWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        var settings = options.Value;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                if (await store.ClaimAsync(settings.Lease, stoppingToken) is { } job)
                {
                    await RunAsync(job, settings, stoppingToken);
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
                await Task.Delay(settings.PollInterval, stoppingToken);
            }
        }
    }

    private async Task RunAsync(ReportJob job, ReportOptions settings, CancellationToken stoppingToken)
    {
        try
        {
            var file = await report.BuildAsync(job, percent => store.ProgressAsync(job.Id, percent, settings.Lease, stoppingToken), stoppingToken);
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
