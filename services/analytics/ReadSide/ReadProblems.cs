using Microsoft.AspNetCore.Http.HttpResults;
using Repitbot.Hosting.Errors;

namespace Repitbot.Analytics.ReadSide;

/// <summary>Problem details shared by the areas, charts and reports endpoints.</summary>
public static class ReadProblems
{
    /// <summary>404 for a name that is not in the list, with the list (<c>valid</c>) so a client can correct itself.</summary>
    public static ProblemHttpResult Unknown(string what, string name, IEnumerable<string> valid)
    {
        var names = valid.ToArray();
        return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Unknown {what}.",
            detail: $"There is no {what} '{name}'. Valid: {string.Join(", ", names)}.",
            extensions: new Dictionary<string, object?> { ["valid"] = names });
    }

    public static ValidationProblem Invalid(string field, string message) => FieldProblem.Of(field, message);
}
