using System.Collections.Concurrent;
using System.Diagnostics;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using Fluid;
using Microsoft.Extensions.FileProviders;
using Repitbot.Contracts;
using Repitbot.Hosting.Telegram;
using Repitbot.Notification.Observability;

namespace Repitbot.Notification.Templates;

/// <summary>
/// Renders Liquid with Fluid, sandboxed: no file provider (include/render find nothing), no network, and a
/// step and recursion budget, so a template can neither read files nor loop forever. Parsed templates
/// are cached by their source text, which makes a new version a new cache entry.
/// </summary>
public sealed class TemplateRenderer
{
    private static readonly FluidParser Parser = new();
    // HtmlEncoder.Default escapes every non-Latin letter; Russian must stay readable. It writes &lt; &gt;
    // &amp; &quot; and numeric references, all of which the Bot API's HTML mode accepts.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);
    private readonly ConcurrentDictionary<string, IFluidTemplate> _parsed = new();
    private readonly TemplateOptions _lenient = Sandboxed(strict: false);
    private readonly TemplateOptions _strict = Sandboxed(strict: true);

    public async Task<RenderedMessage> RenderAsync(TemplateVersion template, IReadOnlyDictionary<string, object?> data,
        bool strict = false)
    {
        var started = Stopwatch.GetTimestamp();
        var context = new TemplateContext(strict ? _strict : _lenient);
        foreach (var (name, value) in data)
        {
            context.SetValue(name, value);
        }

        var subject = template.Subject is null ? null : (await RenderPart(template.Subject, context, NullEncoder.Default)).Trim();
        var body = await RenderPart(template.Body, context, Html);
        var text = template.Text is null ? null : await RenderPart(template.Text, context, NullEncoder.Default);
        if (template.Channel == NotificationChannel.Telegram)
        {
            body = TelegramText.FitToLimit(body.Trim());
        }

        NotificationMetrics.RenderSeconds.WithLabels(Names.ChannelNames.Of(template.Channel))
            .Observe(Stopwatch.GetElapsedTime(started).TotalSeconds);
        return new RenderedMessage(subject, body, text);
    }

    /// <summary>Parses <paramref name="source"/>, or says where it does not parse.</summary>
    public static bool TryCompile(string source, out IFluidTemplate? template, out TemplatePosition? error)
    {
        if (Parser.TryParse(source, out template, out var message))
        {
            error = null;
            return true;
        }

        error = TemplatePosition.FromParserError(message);
        return false;
    }

    private async ValueTask<string> RenderPart(string source, TemplateContext context, TextEncoder encoder)
    {
        var template = _parsed.GetOrAdd(source, s => TryCompile(s, out var parsed, out var error)
            ? parsed!
            : throw new TemplateException($"The template does not parse: {error}"));
        return await template.RenderAsync(context, encoder);
    }

    private static TemplateOptions Sandboxed(bool strict) => new()
    {
        FileProvider = new NullFileProvider(),
        MaxSteps = 100_000,
        MaxRecursion = 10,
        StrictVariables = strict,
        StrictFilters = strict,
    };
}

public sealed record RenderedMessage(string? Subject, string Body, string? Text);

/// <summary>A template that cannot be rendered: bad syntax, an unknown variable or filter, too much work.</summary>
public sealed class TemplateException(string message, Exception? inner = null) : Exception(message, inner);
