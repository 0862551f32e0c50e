using System.Text.RegularExpressions;

namespace Repitbot.Notification.Templates;

/// <summary>
/// Checks a template before it is stored: every part parses, and rendering it with the type's sample
/// data touches no variable or filter the type does not have.
/// </summary>
public sealed partial class TemplateValidator(TemplateRenderer renderer)
{
    public async Task<Dictionary<string, TemplatePosition>> ValidateAsync(TemplateVersion template, NotificationType type,
        IReadOnlyDictionary<string, object?>? data = null)
    {
        var errors = new Dictionary<string, TemplatePosition>();
        foreach (var (part, source) in Parts(template))
        {
            if (!TemplateRenderer.TryCompile(source, out _, out var error))
            {
                errors[part] = error!;
            }
        }

        if (errors.Count > 0)
        {
            return errors;
        }

        var sample = type.SampleData();
        foreach (var (name, value) in data ?? new Dictionary<string, object?>())
        {
            sample[name] = value;
        }

        foreach (var (part, source) in Parts(template))
        {
            // Each part alone, so the error names the part it is in.
            var single = new TemplateVersion { Type = template.Type, Locale = template.Locale, Body = source };
            try
            {
                await renderer.RenderAsync(single, sample, strict: true);
            }
            catch (Exception ex) when (ex is not OperationCanceledException)
            {
                var name = Quoted().Match(ex.Message);
                errors[part] = name.Success
                    ? TemplatePosition.Of(source, name.Groups[1].Value, ex.Message)
                    : new TemplatePosition(1, 1, ex.Message);
            }
        }

        return errors;
    }

    private static IEnumerable<(string Part, string Source)> Parts(TemplateVersion template)
    {
        if (template.Subject is not null)
        {
            yield return ("subject", template.Subject);
        }

        yield return ("body", template.Body);
        if (template.Text is not null)
        {
            yield return ("text", template.Text);
        }
    }

    [GeneratedRegex("'([^']+)'")]
    private static partial Regex Quoted();
}
