namespace Repitbot.Notification.Templates;

/// <summary>
/// The templates every installation starts with, Russian first and English second. Stored, versioned
/// and editable templates build on these.
/// </summary>
public static class DefaultTemplates
{
    public const string LessonCompleted = "lesson-completed";

    public static readonly IReadOnlyList<EmailTemplate> All =
    [
        new(LessonCompleted, "ru",
            Subject: "{% if no_show %}Урок пропущен{% else %}Урок проведён: {{ minutes }} мин{% endif %}",
            Html: """
                <p>Здравствуйте, {{ student_name }}!</p>
                {% if no_show %}<p>Урок {{ lesson_date }} отмечен как пропущенный.</p>
                {% else %}<p>Урок {{ lesson_date }}{% if subject %} ({{ subject }}){% endif %} проведён, длительность {{ minutes }} мин.</p>{% endif %}
                <p>Repitbot</p>
                """,
            Text: """
                Здравствуйте, {{ student_name }}!
                {% if no_show %}Урок {{ lesson_date }} отмечен как пропущенный.{% else %}Урок {{ lesson_date }}{% if subject %} ({{ subject }}){% endif %} проведён, длительность {{ minutes }} мин.{% endif %}
                Repitbot
                """),
        new(LessonCompleted, "en",
            Subject: "{% if no_show %}Lesson missed{% else %}Lesson completed: {{ minutes }} min{% endif %}",
            Html: """
                <p>Hello, {{ student_name }}!</p>
                {% if no_show %}<p>The lesson on {{ lesson_date }} was marked as missed.</p>
                {% else %}<p>The lesson on {{ lesson_date }}{% if subject %} ({{ subject }}){% endif %} took place and lasted {{ minutes }} min.</p>{% endif %}
                <p>Repitbot</p>
                """,
            Text: """
                Hello, {{ student_name }}!
                {% if no_show %}The lesson on {{ lesson_date }} was marked as missed.{% else %}The lesson on {{ lesson_date }}{% if subject %} ({{ subject }}){% endif %} took place and lasted {{ minutes }} min.{% endif %}
                Repitbot
                """),
    ];
}
