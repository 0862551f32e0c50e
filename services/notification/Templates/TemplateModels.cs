using System.Text.Json;
using Repitbot.Contracts;

namespace Repitbot.Notification.Templates;

/// <summary>A template's sources as a client sends them; subject and text are for e-mail only.</summary>
public sealed record TemplateSources(string? Subject, string? Body, string? Text);

public sealed record CreateTemplateRequest(string? Type, string? Channel, string? Locale, string? Subject, string? Body, string? Text);

public sealed record CheckTemplateRequest(string? Type, string? Channel, string? Locale, string? Subject, string? Body,
    string? Text, Dictionary<string, JsonElement>? Data);

public sealed record TemplateView(string Type, string Channel, string Locale, int Version, string? Subject, string Body,
    string? Text, string? CreatedBy, DateTimeOffset CreatedAt)
{
    public static TemplateView From(TemplateVersion t) => new(t.Type, Names.ChannelNames.Of(t.Channel), t.Locale, t.Version,
        t.Subject, t.Body, t.Text, t.CreatedBy, t.CreatedAt);
}

public sealed record TemplateTypeView(string Type, string Description, string Priority, IReadOnlyList<TemplateVariableView> Variables,
    IReadOnlyList<TemplateSummary> Templates);

public sealed record TemplateVariableView(string Name, string Description, object? Example);

public sealed record TemplateSummary(string Channel, string Locale, int Version);

public sealed record PreviewView(string? Subject, string Body, string? Text);

public sealed record ValidationView(bool Valid);

public sealed record TemplateErrorView(string Part, int Line, int Column, string Message);
