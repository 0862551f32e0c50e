using Microsoft.Extensions.Options;
using Repitbot.BotGateway.Integrations;
using Telegram.Bot.Types;

namespace Repitbot.BotGateway.Bot;

/// <summary>
/// A long PDF through the analytics service's full-report job: a progress message edited as the job
/// advances (only when the percentage changed and never more often than <see cref="ReportJobOptions.MinEditInterval"/>),
/// then the document; a failure turns the progress message into a readable error in the user's language.
/// </summary>
public sealed partial class ReportJobFollower(AnalyticsClient analytics, IOptions<ReportJobOptions> options, TimeProvider clock,
    ILogger<ReportJobFollower> logger)
{
    public async Task SendAsync(BotContext ctx, string area, int days)
    {
        var settings = options.Value;
        var progress = await ctx.Replies.SendAsync(ctx.ChatId, ctx.T("report_progress"), cancellationToken: ctx.CancellationToken);
        var shown = ctx.T("report_progress");
        var lastCall = clock.GetUtcNow();
        try
        {
            var to = DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime);
            var job = await analytics.StartFullReportAsync(to.AddDays(1 - days), to, ctx.Locale, ctx.User!.Id, ctx.CancellationToken);
            var deadline = clock.GetUtcNow() + settings.Timeout;
            while (true)
            {
                var status = await analytics.ReportStatusAsync(job, ctx.CancellationToken);
                if (status.Status == "done")
                {
                    break;
                }

                if (status.Status == "failed")
                {
                    LogJobFailed(job, status.Error);
                    await PaceAsync(lastCall, ctx.CancellationToken);
                    await EditAsync(ctx, progress, ctx.T("report_failed"));
                    return;
                }

                if (clock.GetUtcNow() > deadline)
                {
                    LogJobTimedOut(job);
                    await PaceAsync(lastCall, ctx.CancellationToken);
                    await EditAsync(ctx, progress, ctx.T("report_timeout"));
                    return;
                }

                var text = ctx.T("report_progress_percent", status.ProgressPercent);
                if (text != shown && clock.GetUtcNow() - lastCall >= settings.MinEditInterval)
                {
                    // Equal text would be refused by Telegram ("message is not modified"), so it is never sent.
                    await EditAsync(ctx, progress, text);
                    (shown, lastCall) = (text, clock.GetUtcNow());
                }

                await Task.Delay(settings.PollInterval, clock, ctx.CancellationToken);
            }

            var pdf = await analytics.ReportFileAsync(job, ctx.CancellationToken);
            using var stream = new MemoryStream(pdf);
            await PaceAsync(lastCall, ctx.CancellationToken);
            await ctx.Replies.SendDocumentAsync(ctx.ChatId, InputFile.FromStream(stream, $"repitbot-{area}-{days}d.pdf"),
                ctx.T("chart_caption", ctx.T("area_" + area), days), ctx.CancellationToken);
            lastCall = clock.GetUtcNow();
            await PaceAsync(lastCall, ctx.CancellationToken);
            await EditAsync(ctx, progress, ctx.T("report_done"));
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await PaceAsync(lastCall, ctx.CancellationToken);
            await EditAsync(ctx, progress, ctx.T("service_unavailable"));
        }
    }

    /// <summary>Waits until <see cref="ReportJobOptions.ChatGap"/> has passed since the flow's last call in the chat.</summary>
    private Task PaceAsync(DateTimeOffset lastCall, CancellationToken cancellationToken)
    {
        var wait = lastCall + options.Value.ChatGap - clock.GetUtcNow();
        return wait > TimeSpan.Zero ? Task.Delay(wait, clock, cancellationToken) : Task.CompletedTask;
    }

    private static Task EditAsync(BotContext ctx, Message? progress, string html) => progress is null
        ? ctx.ReplyAsync(html)
        : ctx.Replies.EditAsync(ctx.ChatId, progress.Id, html, cancellationToken: ctx.CancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report job {Job} failed: {Error}")]
    private partial void LogJobFailed(string job, string? error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Report job {Job} did not finish in time")]
    private partial void LogJobTimedOut(string job);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics could not be asked for a report job")]
    private partial void LogUnavailable(Exception exception);
}
