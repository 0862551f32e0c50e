using Microsoft.Extensions.Options;
using Repitbot.BotGateway.Integrations;
using Telegram.Bot.Types;
using Telegram.Bot.Types.ReplyMarkups;

namespace Repitbot.BotGateway.Bot;

/// <summary>/analytics: area, then period, then the analytics service's chart as a photo with a "📄 PDF" button.</summary>
public sealed partial class AnalyticsCommands(AnalyticsClient analytics, ReportJobFollower jobs, IOptions<ReportJobOptions> jobOptions,
    TimeProvider clock, ILogger<AnalyticsCommands> logger)
{
    public static readonly string[] Areas = ["lessons", "payments", "students", "homework", "materials"];
    private static readonly int[] Periods = [7, 30, 90];

    /// <summary>The analytics service's chart for each area.</summary>
    private static readonly Dictionary<string, string> Charts = new(StringComparer.Ordinal)
    {
        ["lessons"] = "lessons-per-day", ["payments"] = "revenue", ["students"] = "retention",
        ["homework"] = "homework-scores", ["materials"] = "top-materials",
    };

    /// <summary>Areas with a quick PDF report, by the report kind the analytics service names them.</summary>
    private static readonly Dictionary<string, string> QuickReports = new(StringComparer.Ordinal)
    {
        ["lessons"] = "lesson", ["payments"] = "payment", ["students"] = "student",
    };

    public Task StartAsync(BotContext ctx, string args) => ctx.ReplyAsync(ctx.T("analytics_area"), new InlineKeyboardMarkup(
        Areas.Chunk(2).Select(row => row.Select(a => InlineKeyboardButton.WithCallbackData(ctx.T("area_" + a), $"an:{a}")))));

    public Task PickPeriodAsync(BotContext ctx, string area) => ctx.ReplyAsync(ctx.T("analytics_period", ctx.T("area_" + area)),
        new InlineKeyboardMarkup(Periods.Select(d => InlineKeyboardButton.WithCallbackData(ctx.T("days", d), $"ap:{area}:{d}"))));

    public async Task ChartAsync(BotContext ctx, string area, int days)
    {
        try
        {
            var png = await analytics.ChartPngAsync(Charts[area], days, ctx.Locale, ctx.User!.Id, ctx.CancellationToken);
            using var stream = new MemoryStream(png);
            // Every area has a PDF: a quick report where one exists, else the full report's job.
            var keyboard = new InlineKeyboardMarkup(InlineKeyboardButton.WithCallbackData("📄 PDF", $"pdf:{area}:{days}"));
            var caption = ctx.T("chart_caption", ctx.T("area_" + area), days) + await KeyNumbersAsync(ctx, area, days);
            await ctx.Replies.SendPhotoAsync(ctx.ChatId, stream, $"{area}-{days}d.png", caption, keyboard, ctx.CancellationToken);
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await ctx.ReplyKeyAsync("service_unavailable");
        }
    }

    /// <summary>
    /// The report as a document. Short periods of areas with a quick report are answered at once; long periods
    /// and the other areas go through a full-report job whose progress message is edited as it advances.
    /// </summary>
    public async Task PdfAsync(BotContext ctx, string area, int days)
    {
        if (!Areas.Contains(area))
        {
            await ctx.ReplyKeyAsync("no_pdf");
            return;
        }

        if (!QuickReports.TryGetValue(area, out var kind) || days >= jobOptions.Value.LongFromDays)
        {
            await jobs.SendAsync(ctx, area, days);
            return;
        }

        var progress = await ctx.Replies.SendAsync(ctx.ChatId, ctx.T("report_progress"), cancellationToken: ctx.CancellationToken);
        try
        {
            var pdf = await analytics.QuickReportPdfAsync(kind, days, ctx.Locale, ctx.User!.Id, ctx.CancellationToken);
            using var stream = new MemoryStream(pdf);
            await ctx.Replies.SendDocumentAsync(ctx.ChatId, InputFile.FromStream(stream, $"repitbot-{area}-{days}d.pdf"),
                ctx.T("chart_caption", ctx.T("area_" + area), days), ctx.CancellationToken);
            await EditAsync(ctx, progress, ctx.T("report_done"));
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            await EditAsync(ctx, progress, ctx.T("service_unavailable"));
        }
    }

    /// <summary>The area's numbers as sentences, or nothing when they cannot be had: the chart still goes out.</summary>
    private async Task<string> KeyNumbersAsync(BotContext ctx, string area, int days)
    {
        try
        {
            var numbers = await analytics.AreaAsync(area, days, DateOnly.FromDateTime(clock.GetUtcNow().UtcDateTime), ctx.User!.Id,
                ctx.CancellationToken);
            return AreaCaption.For(ctx, area, numbers);
        }
        catch (ServiceUnavailableException ex)
        {
            LogUnavailable(ex);
            return "";
        }
    }

    private static Task EditAsync(BotContext ctx, Message? progress, string html) => progress is null
        ? ctx.ReplyAsync(html)
        : ctx.Replies.EditAsync(ctx.ChatId, progress.Id, html, cancellationToken: ctx.CancellationToken);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Analytics could not be asked")]
    private partial void LogUnavailable(Exception exception);
}
