using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Repitbot.Hosting.Errors;

/// <summary>A 400 (RFC 7807 validation problem) that names the one field the client got wrong.</summary>
public static class FieldProblem
{
    /// <param name="title">Null for the standard "One or more validation errors occurred."</param>
    public static ValidationProblem Of(string field, string message, string? title = null) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: title);
}
