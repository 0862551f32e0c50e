using System.Text.RegularExpressions;

namespace Repitbot.Hosting.Messaging;

/// <summary>Names as MassTransit's kebab-case endpoint formatter writes them: "LessonCompleted" → "lesson-completed".</summary>
public static partial class KebabCase
{
    public static string Of(string pascalCase) => WordStart().Replace(pascalCase, "-$1").ToLowerInvariant();

    [GeneratedRegex("(?<=[a-z0-9])([A-Z])")]
    private static partial Regex WordStart();
}
