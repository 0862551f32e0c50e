using System.Globalization;
using System.Text.Json.Nodes;
using Repitbot.Hosting.Text;

namespace Repitbot.BotGateway.Bot;

/// <summary>
/// The numbers under a chart, as sentences in the reader's language: the analytics service's area
/// (GET /api/v1/analytics/{area}, camelCase JSON) read field by field, never its raw keys.
/// A field the service did not send is left out of the sentence rather than shown as 0.
/// </summary>
public static class AreaCaption
{
    public static string For(BotContext ctx, string area, JsonObject numbers)
    {
        var lines = area switch
        {
            "lessons" => Lessons(ctx, numbers),
            "payments" => Payments(ctx, numbers),
            "homework" => Homework(ctx, numbers),
            "students" => Students(ctx, numbers),
            "materials" => Materials(ctx, numbers),
            _ => [],
        };
        return string.Concat(lines.Where(l => l.Length > 0).Select(l => "\n" + l));
    }

    private static IEnumerable<string> Lessons(BotContext ctx, JsonObject n)
    {
        yield return ctx.T("cap_lessons", Count(n, "scheduled"), Count(n, "completed"), Count(n, "noShows"), Count(n, "cancelled"));
        var hours = Number(n, "hoursTaught") is { } h ? Decimal(ctx, h) : "0";
        yield return Number(n, "attendanceRatePercent") is { } rate
            ? ctx.T("cap_attendance", Percent(ctx, rate), hours)
            : ctx.T("cap_hours", hours);
    }

    private static IEnumerable<string> Payments(BotContext ctx, JsonObject n)
    {
        var totals = Items(n, "totals").Where(t => Count(t, "payments") > 0 || Count(t, "refunds") > 0).ToList();
        if (totals.Count == 0)
        {
            yield return ctx.T("cap_no_payments");
        }

        foreach (var t in totals)
        {
            var currency = Text(t, "currency") ?? "RUB";
            yield return ctx.T("cap_revenue", Money(ctx, t, "revenueMinor", currency), Count(t, "payments"),
                Count(t, "refundsMinor") > 0 ? ctx.T("cap_refunds", Money(ctx, t, "refundsMinor", currency)) : "");
        }

        var debts = Items(n, "students").Where(s => Count(s, "outstandingMinor") > 0).ToList();
        yield return debts.Count == 0
            ? ctx.T("cap_no_debtors")
            : ctx.T("cap_debtors", debts.Count, string.Join(", ", debts.GroupBy(d => Text(d, "currency") ?? "RUB")
                .Select(g => MoneyText.Format(g.Sum(d => Count(d, "outstandingMinor")), g.Key, ctx.Locale))));
        yield return ctx.T("cap_active_students", Count(n, "activeStudents"));
    }

    private static IEnumerable<string> Homework(BotContext ctx, JsonObject n)
    {
        var submitted = Number(n, "submissionRatePercent") is { } rate
            ? $"{Count(n, "submitted")} ({Percent(ctx, rate)})"
            : Count(n, "submitted").ToString(CultureInfo.InvariantCulture);
        yield return ctx.T("cap_homework", Count(n, "assigned"), submitted, Count(n, "graded"));
        yield return Number(n, "averageScore") is { } score ? ctx.T("cap_average_score", Decimal(ctx, score)) : ctx.T("cap_no_scores");
    }

    private static IEnumerable<string> Students(BotContext ctx, JsonObject n)
    {
        yield return ctx.T("cap_students", Count(n, "newStudents"), Count(n, "wau"), Count(n, "mau"));
        var atRisk = Items(n, "churnRisk").Count(r => Text(r, "segment") == "high");
        if (atRisk > 0)
        {
            yield return ctx.T("cap_churn", atRisk);
        }

        // Analytics lists the best rated first; a caption has room for the top few, the PDF has everyone.
        var rated = Items(n, "students").Where(s => Number(s, "rating") is not null).ToList();
        if (rated.Count > 0)
        {
            var top = rated.Take(RatedInCaption).Select(s => Repitbot.Hosting.Telegram.TelegramText.Escape(Text(s, "name") ?? "—")
                + (Text(s, "level") is { } level ? $" ({Repitbot.Hosting.Telegram.TelegramText.Escape(level)})" : "") + " — " + Count(s, "rating"));
            yield return ctx.T("cap_ratings", string.Join("; ", top)
                + (rated.Count > RatedInCaption ? ctx.T("cap_ratings_more", rated.Count - RatedInCaption) : ""));
        }
    }

    private const int RatedInCaption = 5;

    private static IEnumerable<string> Materials(BotContext ctx, JsonObject n)
    {
        var opened = Number(n, "viewRatePercent") is { } rate
            ? $"{Count(n, "sharedAndViewed")} ({Percent(ctx, rate)})"
            : Count(n, "sharedAndViewed").ToString(CultureInfo.InvariantCulture);
        yield return ctx.T("cap_materials", Count(n, "shared"), opened, Count(n, "views"));
    }

    private static CultureInfo Culture(BotContext ctx) => CultureInfo.GetCultureInfo(ctx.Locale == "en" ? "en-GB" : "ru-RU");

    /// <summary>ru "83 %" (with a no-break space, as Russian typesetting has it), en "83%".</summary>
    private static string Percent(BotContext ctx, double value) =>
        Math.Round(value).ToString("0", CultureInfo.InvariantCulture) + (ctx.Locale == "en" ? "%" : "\u00A0%");

    private static string Decimal(BotContext ctx, double value) => Math.Round(value, 1).ToString("0.#", Culture(ctx));

    private static string Money(BotContext ctx, JsonObject node, string name, string currency) =>
        MoneyText.Format(Count(node, name), currency, ctx.Locale);

    private static long Count(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<long>(out var count) ? count : (long)(Number(node, name) ?? 0);

    private static double? Number(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<double>(out var number) ? number : null;

    private static string? Text(JsonObject node, string name) =>
        node[name] is JsonValue v && v.TryGetValue<string>(out var text) ? text : null;

    private static IEnumerable<JsonObject> Items(JsonObject node, string name) =>
        node[name] is JsonArray array ? array.OfType<JsonObject>() : [];
}
