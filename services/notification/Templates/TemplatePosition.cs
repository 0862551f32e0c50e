using System.Text.RegularExpressions;

namespace Repitbot.Notification.Templates;

/// <summary>Where in a template something is wrong (1-based), with the message.</summary>
public sealed partial record TemplatePosition(int Line, int Column, string Message)
{
    /// <summary>Fluid reports parse errors as "... at (line:column)".</summary>
    public static TemplatePosition FromParserError(string message)
    {
        var match = Position().Match(message);
        return match.Success
            ? new TemplatePosition(int.Parse(match.Groups[1].Value), int.Parse(match.Groups[2].Value), message)
            : new TemplatePosition(1, 1, message);
    }

    /// <summary>The first place <paramref name="name"/> is used as a variable in <paramref name="source"/>.</summary>
    public static TemplatePosition Of(string source, string name, string message)
    {
        var match = Regex.Match(source, $@"(?<![\w.]){Regex.Escape(name)}(?!\w)");
        var index = match.Success ? match.Index : 0;
        var before = source[..index];
        var line = before.Count(c => c == '\n') + 1;
        var column = index - (before.LastIndexOf('\n') + 1) + 1;
        return new TemplatePosition(line, column, message);
    }

    public override string ToString() => $"line {Line}, column {Column}: {Message}";

    [GeneratedRegex(@"\((\d+):(\d+)\)")]
    private static partial Regex Position();
}
