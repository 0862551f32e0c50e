using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Repitbot.Analytics.People;

namespace Repitbot.Analytics.ReadSide;

/// <summary>
/// What the areas, charts and quick reports endpoints check the same way before loading anything: the
/// target named in the URL, whose events the caller may see (<c>tutorId</c>), the time zone (<c>tz</c>)
/// and today's date. A handler that takes this parameter only ever sees a request that passed: the
/// parameter adds a filter to its endpoint that answers a failed one with its problem (404 for an unknown
/// name, 400 naming <c>tutorId</c> or <c>tz</c>, 403 for data that is not the caller's).
/// </summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Minimal APIs look for BindAsync and PopulateMetadata on the parameter's own type.")]
public sealed class ReadRequest<T> : IEndpointParameterMetadataProvider
    where T : class, IReadTarget<T>
{
    private readonly IResult? _refusal;

    private ReadRequest(IResult refusal)
    {
        _refusal = refusal;
        Target = null!;
        Scope = null!;
        TimeZone = TimeZones.Utc;
    }

    private ReadRequest(T target, AnalyticsScope scope, string timeZone, DateOnly today)
    {
        Target = target;
        Scope = scope;
        TimeZone = timeZone;
        Today = today;
    }

    public T Target { get; }

    public AnalyticsScope Scope { get; }

    /// <summary>IANA id of the reader's zone: the days, the hours of the day and print times are in it.</summary>
    public string TimeZone { get; }

    /// <summary>Today in <see cref="TimeZone"/>, the last day of a period that does not name one.</summary>
    public DateOnly Today { get; }

    public static async ValueTask<ReadRequest<T>> BindAsync(HttpContext http)
    {
        var name = http.Request.RouteValues[T.RouteParameter] as string ?? string.Empty;
        if (T.All.FirstOrDefault(t => t.Name.Equals(name, StringComparison.OrdinalIgnoreCase)) is not { } target)
        {
            return new(ReadProblems.Unknown(T.What, name, T.All.Select(t => t.Name)));
        }

        var query = http.Request.Query;
        Guid? tutorId = null;
        if (query["tutorId"].ToString() is { Length: > 0 } rawTutor)
        {
            if (!Guid.TryParse(rawTutor, out var parsed))
            {
                return new(ReadProblems.Invalid("tutorId", $"The value '{rawTutor}' is not valid."));
            }

            tutorId = parsed;
        }

        var tz = query.ContainsKey("tz") ? query["tz"].ToString() : null;
        if (AnalyticsScope.For(http.User, tutorId) is not { } scope || scope.IsStudent && !target.StudentVisible)
        {
            return new(TypedResults.Forbid());
        }

        var profiles = http.RequestServices.GetRequiredService<Profiles>();
        if (await TimeZones.ForRequestAsync(tz, http.User, scope, profiles, http.RequestAborted) is not { } zone)
        {
            return new(ReadProblems.Invalid("tz", TimeZones.Error(tz!)));
        }

        return new(target, scope, zone, Period.Today(http.RequestServices.GetRequiredService<TimeProvider>(), zone));
    }

    public static void PopulateMetadata(ParameterInfo parameter, EndpointBuilder builder)
    {
        builder.Metadata.Add(new ReadRequestParameters(T.What, T.RouteParameter, [.. T.All.Select(t => t.Name)]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status400BadRequest, typeof(HttpValidationProblemDetails),
            ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status404NotFound, typeof(ProblemDetails),
            ["application/problem+json"]));
        builder.Metadata.Add(new ProducesResponseTypeMetadata(StatusCodes.Status403Forbidden, typeof(void)));
        builder.FilterFactories.Add((_, next) => invocation =>
            invocation.Arguments.OfType<ReadRequest<T>>().FirstOrDefault()?._refusal is { } refusal
                ? ValueTask.FromResult<object?>(refusal)
                : next(invocation));
    }
}
