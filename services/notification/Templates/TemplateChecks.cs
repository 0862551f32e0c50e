using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Notification.Names;

namespace Repitbot.Notification.Templates;

internal static class TemplateChecks
{
    public static async Task<Results<Ok<ValidationView>, ValidationProblem>> Validate(CheckTemplateRequest request,
        TemplateValidator validator)
    {
        var errors = TemplateInput.Read(request.Type, request.Channel, request.Locale ?? TemplateStore.DefaultLocale,
            new TemplateSources(request.Subject, request.Body, request.Text), bodyRequired: true, out var type, out var template);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        return await ProblemAsync(validator, template!, type!, TemplateData.FromElements(request.Data)) is { } problem
            ? problem
            : TypedResults.Ok(new ValidationView(true));
    }

    public static async Task<Results<Ok<PreviewView>, NotFound, ValidationProblem>> Preview(CheckTemplateRequest request,
        TemplateValidator validator, TemplateStore store, TemplateRenderer renderer, CancellationToken cancellationToken)
    {
        var given = request.Body is not null;
        var errors = TemplateInput.Read(request.Type, request.Channel, request.Locale ?? TemplateStore.DefaultLocale,
            new TemplateSources(request.Subject, request.Body, request.Text), bodyRequired: given, out var type, out var template);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (!given)
        {
            template = await store.CurrentAsync(template!.Type, template.Channel, template.Locale, cancellationToken);
            if (template is null)
            {
                return TypedResults.NotFound();
            }
        }

        // Samples in the template's own language: a missing English template falls back to the Russian one.
        var data = TemplateSamples.For(type!, template!.Locale);
        foreach (var (name, value) in TemplateData.FromElements(request.Data))
        {
            data[name] = value;
        }

        if (await ProblemAsync(validator, template!, type!, data) is { } problem)
        {
            return problem;
        }

        var rendered = await renderer.RenderAsync(template!, data);
        return TypedResults.Ok(new PreviewView(rendered.Subject, rendered.Body, rendered.Text));
    }

    /// <summary>Null when the template is fine; otherwise 400 naming each part with line and column.</summary>
    public static async Task<ValidationProblem?> ProblemAsync(TemplateValidator validator, TemplateVersion template,
        NotificationType type, IReadOnlyDictionary<string, object?>? data)
    {
        var errors = await validator.ValidateAsync(template, type, data);
        if (errors.Count == 0)
        {
            return null;
        }

        var positions = errors.Select(e => new TemplateErrorView(e.Key, e.Value.Line, e.Value.Column, e.Value.Message)).ToList();
        return TypedResults.ValidationProblem(errors.ToDictionary(e => e.Key, e => new[] { e.Value.ToString() }),
            title: "The template is not valid.", extensions: new Dictionary<string, object?> { ["positions"] = positions });
    }
}
