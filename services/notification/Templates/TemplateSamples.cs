using Repitbot.Hosting.Text;

namespace Repitbot.Notification.Templates;

/// <summary>
/// Sample data for a preview in the template's own language: dates and amounts go through the same
/// formatters a real notification uses (Europe/Moscow, the locale's month names and money), and an
/// English template gets English names, so a preview shows what its reader will get.
/// </summary>
public static class TemplateSamples
{
    // 1 March 2026, 18:00 in Moscow.
    private static readonly DateTimeOffset LessonStart = new(2026, 3, 1, 15, 0, 0, TimeSpan.Zero);
    private static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Moscow");

    private static readonly Dictionary<string, object?> English = new()
    {
        ["recipient_name"] = "Anna", ["student_name"] = "Dima Orlov", ["subject"] = "Maths", ["reason"] = "Illness",
        ["comment"] = "Well done", ["homework"] = "Exercises 1–5", ["title"] = "Exercises 1–5",
        ["items"] = new List<Dictionary<string, object?>>
        {
            new() { ["subject"] = "New material: Irregular verbs", ["text"] = "The material “Irregular verbs” is available." },
        },
    };

    public static Dictionary<string, object?> For(NotificationType type, string locale)
    {
        var data = type.SampleData();
        var english = locale.StartsWith("en", StringComparison.OrdinalIgnoreCase);
        Dictionary<string, object?> local = new(english ? English : [])
        {
            ["lesson_time"] = ReaderFormat.Time(LessonStart, Zone, locale),
            ["lesson_date"] = ReaderFormat.Time(LessonStart, Zone, locale),
            ["previous_time"] = ReaderFormat.Time(LessonStart.AddDays(-1), Zone, locale),
            ["due_date"] = ReaderFormat.Time(LessonStart.AddDays(2).AddHours(2), Zone, locale),
            ["amount"] = MoneyText.Format(200_000, "RUB", locale),
            ["balance"] = MoneyText.Format(50_000, "RUB", locale),
            ["time_before"] = ReaderFormat.Lead(TimeSpan.FromMinutes(90), locale),
        };
        if (english && type.Key == NotificationTypes.MaterialShared)
        {
            local["title"] = "Irregular verbs table";
        }

        foreach (var (name, value) in local.Where(v => data.ContainsKey(v.Key)))
        {
            data[name] = value;
        }

        return data;
    }
}
