using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;

namespace Repitbot.Notification.Templates;

/// <summary>
/// Renders Liquid with Fluid. Templates are parsed once; rendering has no file system (no include
/// provider) and bounded work, so a template cannot read files, call out, or loop forever.
/// </summary>
public sealed class TemplateRenderer
{
    private const string FallbackLocale = "ru";
    private static readonly FluidParser Parser = new();
    // HtmlEncoder.Default escapes every non-Latin letter; Russian text must stay readable in the source.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new();
    private readonly TemplateOptions _options = new() { MaxSteps = 100_000, MaxRecursion = 10 };

    public async Task<RenderedEmail> RenderEmailAsync(string key, string locale, IReadOnlyDictionary<string, object?> data)
    {
        var template = DefaultTemplates.All.FirstOrDefault(t => t.Key == key && t.Locale == locale)
            ?? DefaultTemplates.All.FirstOrDefault(t => t.Key == key && t.Locale == FallbackLocale)
            ?? throw new KeyNotFoundException($"No e-mail template '{key}'.");
        var context = new TemplateContext(_options);
        foreach (var (name, value) in data)
        {
            context.SetValue(name, value);
        }

        var subject = await Parse(template.Subject).RenderAsync(context, NullEncoder.Default);
        var html = await Parse(template.Html).RenderAsync(context, Html);
        var text = await Parse(template.Text).RenderAsync(context, NullEncoder.Default);
        return new RenderedEmail(subject.Trim(), html, text);
    }

    private IFluidTemplate Parse(string source) => _parsed.GetOrAdd(source, s =>
        Parser.TryParse(s, out var template, out var error)
            ? template
            : throw new InvalidOperationException($"Template does not parse: {error}"));
}
