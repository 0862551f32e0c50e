using System.Text.Json.Nodes;
using Repitbot.BotGateway.Tests.Support;

namespace Repitbot.BotGateway.Tests;

/// <summary>What the bot says about analytics' numbers and notification's settings, with both services answering.</summary>
public sealed class BotServiceTextsTests(BotWithServicesFactory bot) : IClassFixture<BotWithServicesFactory>
{
    private const string Nbsp = "\u00A0";

    [Fact]
    public async Task Chart_captions_are_sentences_with_the_numbers_a_tutor_needs_and_money_in_the_readers_locale()
    {
        var tutor = BotFactory.NewTelegramUserId();
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));
        // The shape GET /api/v1/analytics/{area} answers (services/analytics/Areas).
        bot.Fakes.Areas["payments"] = JsonNode.Parse("""
            {"period":{"from":"2026-11-07","to":"2026-12-06"},"activeStudents":2,
             "totals":[{"currency":"RUB","revenueMinor":150000,"refundsMinor":0,"netMinor":150000,"payments":2,"refunds":0,"arpuMinor":75000}],
             "revenue":[],"byMethod":[],
             "students":[{"studentId":"7d0c5a8e-0000-0000-0000-000000000001","name":"Аня","currency":"RUB","paidMinor":100000,"refundedMinor":0,
                          "chargedMinor":300000,"outstandingMinor":200000,"lifetimeValueMinor":100000},
                         {"studentId":"7d0c5a8e-0000-0000-0000-000000000002","name":"Петя","currency":"RUB","paidMinor":50000,"refundedMinor":0,
                          "chargedMinor":0,"outstandingMinor":0,"lifetimeValueMinor":50000}]}
            """)!.AsObject();
        bot.Fakes.Areas["lessons"] = JsonNode.Parse("""
            {"period":{"from":"2026-11-30","to":"2026-12-06"},"scheduled":4,"completed":3,"noShows":1,"cancelled":0,
             "attendanceRatePercent":75.0,"hoursTaught":3.5,"cancelledByReason":[],"cancelledBy":[],"series":[],"heatmap":[]}
            """)!.AsObject();

        await bot.SayAsync(tutor, "/analytics");
        await bot.PressAsync(tutor, "an:payments");
        await bot.PressAsync(tutor, "ap:payments:30");
        var payments = bot.LastPhotoCaption(tutor);
        await bot.SayAsync(tutor, "/lang en");
        await bot.SayAsync(tutor, "/analytics");
        await bot.PressAsync(tutor, "an:lessons");
        await bot.PressAsync(tutor, "ap:lessons:7");
        var lessons = bot.LastPhotoCaption(tutor);

        Assert.Equal($"""
            📊 Оплаты за последние 30 дней
            Выручка: 1{Nbsp}500,00{Nbsp}₽, оплат: 2.
            Должников: 1, долг всего: 2{Nbsp}000,00{Nbsp}₽.
            Активных учеников: 2.
            """.ReplaceLineEndings("\n"), payments);
        Assert.Equal("""
            📊 Lessons, last 7 days
            Lessons scheduled: 4, held: 3, no-shows: 1, cancelled: 0.
            Attendance: 75%, hours taught: 3.5.
            """.ReplaceLineEndings("\n"), lessons);
    }

    [Fact]
    public async Task The_students_caption_names_the_best_rated_students_with_their_level()
    {
        var tutor = BotFactory.NewTelegramUserId();
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));
        // The shape GET /api/v1/analytics/students answers: best rated first, unrated last.
        bot.Fakes.Areas["students"] = JsonNode.Parse("""
            {"period":{"from":"2026-11-07","to":"2026-12-06"},"newStudents":1,"dau":0,"wau":2,"mau":3,"stickinessPercent":5.6,
             "cohorts":[],"churnRisk":[],
             "students":[{"studentId":"7d0c5a8e-0000-0000-0000-000000000001","name":"Борис Орлов","level":null,"rating":70,
                          "attendancePercent":null,"homeworkScore":55,"punctualityPercent":100},
                         {"studentId":"7d0c5a8e-0000-0000-0000-000000000002","name":"Анна <Иванова>","level":"B1","rating":69,
                          "attendancePercent":60,"homeworkScore":80,"punctualityPercent":62.5},
                         {"studentId":"7d0c5a8e-0000-0000-0000-000000000003","name":"Вера Котова","level":"C1","rating":null,
                          "attendancePercent":null,"homeworkScore":null,"punctualityPercent":null}]}
            """)!.AsObject();

        await bot.SayAsync(tutor, "/analytics");
        await bot.PressAsync(tutor, "an:students");
        await bot.PressAsync(tutor, "ap:students:30");
        var russian = bot.LastPhotoCaption(tutor);
        await bot.SayAsync(tutor, "/lang en");
        await bot.SayAsync(tutor, "/analytics");
        await bot.PressAsync(tutor, "an:students");
        await bot.PressAsync(tutor, "ap:students:30");
        var english = bot.LastPhotoCaption(tutor);

        Assert.Equal("""
            📊 Ученики за последние 30 дней
            Новых учеников: 1. Занимались за последнюю неделю: 2, за месяц: 3.
            Рейтинг (из 100): Борис Орлов — 70; Анна <Иванова> (B1) — 69.
            """.ReplaceLineEndings("\n"), russian);
        Assert.EndsWith("Rating (out of 100): Борис Орлов — 70; Анна <Иванова> (B1) — 69.", english, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Quiet_hours_and_the_email_address_are_repeated_as_saved_and_notifications_show_the_real_quiet_hours()
    {
        var tutor = BotFactory.NewTelegramUserId();
        await bot.SayAsync(tutor, "/start tutor", "Ольга");
        bot.Track(await bot.UserIdAsync(tutor));

        var before = await bot.SayAsync(tutor, "/notifications");
        var quiet = await bot.SayAsync(tutor, "/quiet 23:00 7:00");
        var shown = await bot.SayAsync(tutor, "/notifications");
        var email = await bot.SayAsync(tutor, "/email a@b.c");
        var off = await bot.SayAsync(tutor, "/quiet off");

        Assert.Contains("Тихие часы не заданы.", before, StringComparison.Ordinal);
        Assert.StartsWith("✅ Тихие часы: 23:00–07:00 (Europe/Moscow)", quiet, StringComparison.Ordinal);
        Assert.Contains("Тихие часы: 23:00–07:00 (Europe/Moscow)", shown, StringComparison.Ordinal);
        Assert.DoesNotContain("22:00 08:00\n", shown, StringComparison.Ordinal);
        Assert.Equal("✅ Письма будут приходить на a@b.c.", email);
        Assert.Equal("✅ Тихие часы не заданы.", off);
    }
}
