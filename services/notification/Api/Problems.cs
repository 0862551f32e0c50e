using Microsoft.AspNetCore.Http.HttpResults;

namespace Repitbot.Notification.Api;

/// <summary>400s that name the field the client got wrong.</summary>
public static class Problems
{
    public static ValidationProblem Field(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] });

    public static ValidationProblem Fields(Dictionary<string, string[]> errors) => TypedResults.ValidationProblem(errors);
}
