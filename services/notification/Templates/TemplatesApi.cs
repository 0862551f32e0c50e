using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Repitbot.Hosting.Auth;
using Repitbot.Hosting.Errors;
using Repitbot.Notification.Data;
using Repitbot.Notification.Names;

namespace Repitbot.Notification.Templates;

public static class TemplatesApi
{
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder app)
    {
        var read = app.MapGroup("/api/v1/templates").WithTags("Templates").RequireAuthorization(Policies.AnyUser);
        read.MapGet("/", List).WithSummary("Notification types, their variables and their templates.");
        read.MapGet("/{type}/{channel}/{locale}", Get).WithSummary("The current version of a template, or ?version=N.");
        read.MapGet("/{type}/{channel}/{locale}/versions", Versions).WithSummary("Every version of a template, newest first.");

        var write = app.MapGroup("/api/v1/templates").WithTags("Templates").RequireAuthorization(Policies.Admin);
        write.MapPost("/", TemplateWrites.Create).WithSummary("Adds a template for a type, channel and language.");
        write.MapPut("/{type}/{channel}/{locale}", TemplateWrites.Update).WithSummary("Stores a new version of a template.");
        write.MapPost("/validate", TemplateChecks.Validate).WithSummary("Checks syntax and variables; 400 with line and column.");
        write.MapPost("/preview", TemplateChecks.Preview).WithSummary("Renders given or stored sources with sample or given data.");
        return app;
    }

    private static async Task<Ok<List<TemplateTypeView>>> List(NotificationDb db, CancellationToken cancellationToken)
    {
        var current = await db.Templates.AsNoTracking()
            .GroupBy(t => new { t.Type, t.Channel, t.Locale })
            .Select(g => new { g.Key.Type, g.Key.Channel, g.Key.Locale, Version = g.Max(t => t.Version) })
            .ToListAsync(cancellationToken);
        var types = NotificationTypes.All.Select(type => new TemplateTypeView(type.Key, type.Description, type.Priority.ToString().ToLowerInvariant(),
            type.Variables.Select(v => new TemplateVariableView(v.Name, v.Description, v.Sample)).ToList(),
            current.Where(c => c.Type == type.Key).OrderBy(c => c.Channel).ThenBy(c => c.Locale)
                .Select(c => new TemplateSummary(ChannelNames.Of(c.Channel), c.Locale, c.Version)).ToList()));
        return TypedResults.Ok(types.ToList());
    }

    private static async Task<Results<Ok<TemplateView>, NotFound, ValidationProblem>> Get(string type, string channel, string locale,
        NotificationDb db, CancellationToken cancellationToken, int? version = null)
    {
        if (!Channels.TryParse(channel, out var parsed))
        {
            return FieldProblem.Of("channel", "Must be email or telegram.");
        }

        var template = await db.Templates.AsNoTracking()
            .Where(t => t.Type == type && t.Channel == parsed && t.Locale == locale && (version == null || t.Version == version))
            .OrderByDescending(t => t.Version)
            .FirstOrDefaultAsync(cancellationToken);
        return template is null ? TypedResults.NotFound() : TypedResults.Ok(TemplateView.From(template));
    }

    private static async Task<Results<Ok<List<TemplateView>>, ValidationProblem>> Versions(string type, string channel, string locale,
        NotificationDb db, CancellationToken cancellationToken)
    {
        if (!Channels.TryParse(channel, out var parsed))
        {
            return FieldProblem.Of("channel", "Must be email or telegram.");
        }

        var versions = await db.Templates.AsNoTracking()
            .Where(t => t.Type == type && t.Channel == parsed && t.Locale == locale)
            .OrderByDescending(t => t.Version)
            .ToListAsync(cancellationToken);
        return TypedResults.Ok(versions.Select(TemplateView.From).ToList());
    }
}
