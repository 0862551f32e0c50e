using System.Diagnostics.CodeAnalysis;
using System.Reflection;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.Mvc;
using Repitbot.Analytics.People;

namespace Repitbot.Analytics.ReadSide;

/// <summary>
/// What the areas, charts and quick reports endpoints check the same way before loading anything: the
/// target named in the URL, whose events the caller may see (<c>tutorId</c>), the time zone (<c>tz</c>)
/// and, through <see cref="ZoneAsync"/>, the reader's zone and today's date in it. A handler that takes this parameter only ever sees a request that passed: the
/// parameter adds a filter to its endpoint that answers a failed one with its problem (404 for an unknown
/// name, 400 naming <c>tutorId</c> or <c>tz</c>, 403 for data that is not the caller's).
/// </summary>
[SuppressMessage("Design", "CA1000:Do not declare static members on generic types",
    Justification = "Minimal APIs look for BindAsync and PopulateMetadata on the parameter's own type.")]
public sealed class ReadRequest<T> : IEndpointParameterMetadataProvider
    where T : class, IReadTarget<T>
{
    private readonly IResult? _refusal;

    private readonly HttpContext? _http;
    private readonly string? _tz;
    private ReaderZone? _zone;

    private ReadRequest(IResult refusal)
    {
        _refusal = refusal;
        Target = null!;
        Scope = null!;
    }

    private ReadRequest(T target, AnalyticsScope scope, HttpContext http, string? tz)
    {
        Target = target;
        Scope = scope;
        _http = http;
        _tz = tz;
    }

    public T Target { get; }

    public AnalyticsScope Scope { get; }

    /// <summary>
    /// The reader's zone (the days, the hours of the day and print times are in it) and today in it. Without <c>tz</c> it
    /// comes from the caller's profile in PostgreSQL, so it is asked for once the request's own parameters have bound: a
    /// client's mistake stays a 400 while PostgreSQL is away.
    /// </summary>
    public async ValueTask<ReaderZone> ZoneAsync()
    {
        if (_zone is null)
        {
            var http = _http!;
            var profiles = http.RequestServices.GetRequiredService<Profiles>();
            var zone = await TimeZones.ForRequestAsync(_tz, http.User, Scope, profiles, http.RequestAborted) ?? TimeZones.Utc;
            _zone = new ReaderZone(zone, Period.Today(http.RequestServices.GetRequiredService<TimeProvider>(), zone));
        }

        return _zone;
    }

    public static ValueTask<ReadRequest<T>> BindAsync(HttpContext http) => ValueTask.FromResult(Bind(http));

    private static ReadRequest<T> Bind(HttpContext http)
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

        if (tz is not null && TimeZones.Normalize(tz) is null)
        {
            return new(ReadProblems.Invalid("tz", TimeZones.Error(tz)));
        }

        return new(target, scope, http, tz);
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

/// <summary>The reader's IANA time zone and today's date in it.</summary>
public sealed record ReaderZone(string TimeZone, DateOnly Today);
