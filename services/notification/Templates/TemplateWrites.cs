using System.Security.Claims;
using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Notification.Names;

namespace Repitbot.Notification.Templates;

internal static class TemplateWrites
{
    public static async Task<Results<Created<TemplateView>, Conflict<string>, ValidationProblem>> Create(CreateTemplateRequest request,
        TemplateStore store, TemplateValidator validator, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = TemplateInput.Read(request.Type, request.Channel, request.Locale,
            new TemplateSources(request.Subject, request.Body, request.Text), bodyRequired: true, out var type, out var template);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await store.LatestAsync(template!.Type, template.Channel, template.Locale, cancellationToken) is not null)
        {
            return TypedResults.Conflict("This template exists; PUT a new version to its address.");
        }

        if (await TemplateChecks.ProblemAsync(validator, template, type!, null) is { } problem)
        {
            return problem;
        }

        var stored = await store.AddVersionAsync(template, user.FindFirstValue("sub"), cancellationToken);
        return TypedResults.Created(Address(stored), TemplateView.From(stored));
    }

    public static async Task<Results<Ok<TemplateView>, ValidationProblem>> Update(string type, string channel, string locale,
        TemplateSources request, TemplateStore store, TemplateValidator validator, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var errors = TemplateInput.Read(type, channel, locale, request, bodyRequired: true, out var notificationType, out var template);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors);
        }

        if (await TemplateChecks.ProblemAsync(validator, template!, notificationType!, null) is { } problem)
        {
            return problem;
        }

        return TypedResults.Ok(TemplateView.From(await store.AddVersionAsync(template!, user.FindFirstValue("sub"), cancellationToken)));
    }

    private static string Address(TemplateVersion t) => $"/api/v1/templates/{t.Type}/{ChannelNames.Of(t.Channel)}/{t.Locale}";
}
