using System.Globalization;
using System.Text;

namespace Repitbot.EndToEnd.Walkthrough;

/// <summary>Who reads a text, and so which rules it must meet.</summary>
public enum Reader
{
    /// <summary>A person whose language is Russian: the tutor, the student, the parent.</summary>
    Russian,

    /// <summary>
    /// A Russian-speaking operator reading every tutor's figures at once: Russian rules, but UTC is the only zone
    /// that applies to them.
    /// </summary>
    Operator,

    /// <summary>A person whose language is English.</summary>
    English,

    /// <summary>A developer calling the REST API: English problem details and JSON are right for them.</summary>
    Integrator,

    /// <summary>What the person typed or pressed, kept for reading only.</summary>
    Action,
}

/// <summary>One thing a person saw (or did), with where it came from.</summary>
public sealed record TranscriptLine(DateTimeOffset At, string Who, string Channel, Reader Reader, string Text);

/// <summary>Every text the walk produced, in the order it happened, printable for a person to read.</summary>
public sealed class Transcript
{
    private readonly List<TranscriptLine> _lines = [];

    public IReadOnlyList<TranscriptLine> Lines
    {
        get
        {
            lock (_lines)
            {
                return [.. _lines.OrderBy(l => l.At)];
            }
        }
    }

    public void Add(DateTimeOffset at, string who, string channel, Reader reader, string text)
    {
        lock (_lines)
        {
            _lines.Add(new TranscriptLine(at, who, channel, reader, text));
        }
    }

    public void Did(string who, string what) => Add(DateTimeOffset.UtcNow, who, "действие", Reader.Action, what);

    public string Render()
    {
        var text = new StringBuilder();
        foreach (var line in Lines)
        {
            var arrow = line.Reader == Reader.Action ? "›" : "‹";
            text.Append(CultureInfo.InvariantCulture, $"{line.At:HH:mm:ss.fff} {arrow} {line.Who} [{line.Channel}]\n");
            foreach (var row in line.Text.Split('\n'))
            {
                text.Append("    ").Append(row).Append('\n');
            }
        }

        return text.ToString();
    }
}
