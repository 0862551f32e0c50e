using Repitbot.Contracts;

namespace Repitbot.Notification.Templates;

/// <summary>
/// The version 1 of every template, seeded at start: for each type and language one subject and one
/// body, from which the e-mail (HTML and text) and the Telegram message are made.
/// </summary>
public static class DefaultTemplates
{
    private sealed record Source(string Type, string Locale, string Subject, string Body);

    private static readonly Source[] Sources =
    [
        new(NotificationTypes.LessonScheduled, "ru", "Новый урок: {{ lesson_time }}",
            Student("Ваш урок", "Урок для ученика {{ student_name }}") + "{% if subject %} ({{ subject }}){% endif %} назначен на {{ lesson_time }}, {{ duration_minutes }} мин."),
        new(NotificationTypes.LessonScheduled, "en", "New lesson: {{ lesson_time }}",
            Student("Your lesson", "A lesson for {{ student_name }}") + "{% if subject %} ({{ subject }}){% endif %} is scheduled for {{ lesson_time }}, {{ duration_minutes }} min."),
        new(NotificationTypes.LessonRescheduled, "ru", "Урок перенесён на {{ lesson_time }}",
            Student("Ваш урок", "Урок для ученика {{ student_name }}") + " перенесён с {{ previous_time }} на {{ lesson_time }}."),
        new(NotificationTypes.LessonRescheduled, "en", "Lesson moved to {{ lesson_time }}",
            Student("Your lesson", "The lesson for {{ student_name }}") + " moved from {{ previous_time }} to {{ lesson_time }}."),
        new(NotificationTypes.LessonCancelled, "ru", "Урок {{ lesson_time }} отменён",
            Student("Ваш урок", "Урок для ученика {{ student_name }}") + " {{ lesson_time }} отменён.{% if reason %} Причина: {{ reason }}.{% endif %}"),
        new(NotificationTypes.LessonCancelled, "en", "Lesson on {{ lesson_time }} cancelled",
            Student("Your lesson", "The lesson for {{ student_name }}") + " on {{ lesson_time }} is cancelled.{% if reason %} Reason: {{ reason }}.{% endif %}"),
        new(NotificationTypes.LessonReminder, "ru", "Напоминание: урок {{ lesson_time }}",
            "Через {{ time_before }} начнётся " + Student("ваш урок", "урок для ученика {{ student_name }}") + ": {{ lesson_time }}."),
        new(NotificationTypes.LessonReminder, "en", "Reminder: lesson on {{ lesson_time }}",
            "In {{ time_before }}: " + Student("your lesson", "the lesson for {{ student_name }}") + " on {{ lesson_time }}."),
        new(NotificationTypes.LessonCompleted, "ru",
            "{% if no_show %}Урок пропущен{% else %}Урок проведён: {{ minutes }} мин{% endif %}",
            Student("Ваш урок", "Урок для ученика {{ student_name }}")
            + " от {{ lesson_date }}{% if no_show %} отмечен как пропущенный.{% else %}{% if subject %} ({{ subject }}){% endif %} проведён, длительность {{ minutes }} мин.{% if homework %} Домашнее задание: {{ homework }}.{% endif %}{% endif %}"),
        new(NotificationTypes.LessonCompleted, "en",
            "{% if no_show %}Lesson missed{% else %}Lesson completed: {{ minutes }} min{% endif %}",
            Student("Your lesson", "The lesson for {{ student_name }}")
            + " on {{ lesson_date }}{% if no_show %} was marked as missed.{% else %}{% if subject %} ({{ subject }}){% endif %} took place and lasted {{ minutes }} min.{% if homework %} Homework: {{ homework }}.{% endif %}{% endif %}"),
        new(NotificationTypes.HomeworkAssigned, "ru", "Домашнее задание: {{ title }}",
            "Новое задание " + Student("для вас", "для ученика {{ student_name }}") + ": {{ title }}.{% if due_date %} Срок: {{ due_date }}.{% endif %}"),
        new(NotificationTypes.HomeworkAssigned, "en", "Homework: {{ title }}",
            "New homework " + Student("for you", "for {{ student_name }}") + ": {{ title }}.{% if due_date %} Due: {{ due_date }}.{% endif %}"),
        new(NotificationTypes.HomeworkGraded, "ru", "Задание проверено: {{ score }} из 100",
            Student("Ваше домашнее задание оценено", "Ученик {{ student_name }}: домашнее задание оценено") + " на {{ score }} из 100.{% if comment %} Комментарий: {{ comment }}{% endif %}"),
        new(NotificationTypes.HomeworkGraded, "en", "Homework graded: {{ score }}/100",
            Student("Your homework", "The homework of {{ student_name }}") + " scored {{ score }} out of 100.{% if comment %} Comment: {{ comment }}{% endif %}"),
        new(NotificationTypes.PaymentReceived, "ru", "Оплата получена: {{ amount }}",
            "Получена " + Student("ваша оплата {{ amount }}", "оплата {{ amount }} за ученика {{ student_name }}") + "{% if lessons_covered > 0 %}, уроков: {{ lessons_covered }}{% endif %}. Спасибо!"),
        new(NotificationTypes.PaymentReceived, "en", "Payment received: {{ amount }}",
            "We received {{ amount }} " + Student("from you", "for {{ student_name }}") + "{% if lessons_covered > 0 %}, covering {{ lessons_covered }} " + Lessons("lessons_covered") + "{% endif %}. Thank you!"),
        new(NotificationTypes.BalanceLow, "ru", "Баланс заканчивается",
            Student("На вашем балансе", "На балансе ученика {{ student_name }}") + " осталось {{ balance }} (уроков: {{ lessons_remaining }}). Пора пополнить."),
        new(NotificationTypes.BalanceLow, "en", "Balance running low",
            Student("Your balance", "The balance of {{ student_name }}") + " is {{ balance }} ({{ lessons_remaining }} " + Lessons("lessons_remaining") + " left). Time to top up."),
        new(NotificationTypes.StudentLinked, "ru", "Новый ученик: {{ student_name }}",
            "{{ student_name }} теперь в списке ваших учеников."),
        new(NotificationTypes.StudentLinked, "en", "New student: {{ student_name }}",
            "{{ student_name }} is now one of your students."),
        new(NotificationTypes.MaterialShared, "ru", "Новый материал: {{ title }}",
            "Вам доступен материал «{{ title }}».{% if url %} {{ url }}{% endif %}"),
        new(NotificationTypes.MaterialShared, "en", "New material: {{ title }}",
            "The material \"{{ title }}\" is shared with you.{% if url %} {{ url }}{% endif %}"),
        new(NotificationTypes.Digest, "ru", "Дайджест Repitbot: {{ count }}",
            "{% for item in items %}\n• {{ item.subject }}. {{ item.text }}{% endfor %}"),
        new(NotificationTypes.Digest, "en", "Repitbot digest: {{ count }}",
            "{% for item in items %}\n• {{ item.subject }}. {{ item.text }}{% endfor %}"),
        new(NotificationTypes.Test, "ru", "🧪 Тестовое уведомление", "Это тестовое уведомление Repitbot. Всё работает."),
        new(NotificationTypes.Test, "en", "🧪 Test notification", "This is a Repitbot test notification. Everything works."),
    ];

    public static IEnumerable<TemplateVersion> All() => Sources.SelectMany(Expand);

    /// <summary>
    /// The student reads about their own lesson as "you"; a parent or the tutor reads the student's name. The
    /// other wording names the student in a fixed phrase ("для ученика Пётр") so no name needs declining.
    /// </summary>
    private static string Student(string toTheStudent, string toOthers) =>
        $"{{% if reader == \"student\" %}}{toTheStudent}{{% else %}}{toOthers}{{% endif %}}";

    /// <summary>"lesson" or "lessons" after the number in <paramref name="variable"/>: "1 lessons left" read wrong.</summary>
    private static string Lessons(string variable) => $"{{% if {variable} == 1 %}}lesson{{% else %}}lessons{{% endif %}}";

    private static IEnumerable<TemplateVersion> Expand(Source s)
    {
        var greeting = s.Locale == "en" ? "Hello, {{ recipient_name }}!" : "Здравствуйте, {{ recipient_name }}!";
        yield return new TemplateVersion
        {
            Type = s.Type, Channel = NotificationChannel.Email, Locale = s.Locale, Version = 1, Subject = s.Subject,
            Body = $"<p>{greeting}</p>\n<p>{s.Body}</p>\n<p>Repitbot</p>\n",
            Text = $"{greeting}\n{s.Body}\nRepitbot\n",
            CreatedBy = SeedDefaultTemplates.Author,
        };
        yield return new TemplateVersion
        {
            Type = s.Type, Channel = NotificationChannel.Telegram, Locale = s.Locale, Version = 1,
            Body = $"<b>{s.Subject}</b>\n{s.Body}", CreatedBy = SeedDefaultTemplates.Author,
        };
    }
}
