using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Repitbot.Analytics.ReadSide;

/// <summary>Endpoint metadata: the endpoint takes a <see cref="ReadRequest{T}"/> for the named kind of target.</summary>
public sealed record ReadRequestParameters(string What, string RouteParameter, IReadOnlyList<string> Names);

/// <summary>
/// Lists the parameters <see cref="ReadRequest{T}"/> reads itself (the OpenAPI generator does not see
/// inside a parameter with its own BindAsync), so the docs page still offers them.
/// </summary>
public sealed class ReadRequestDocs : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<ReadRequestParameters>().FirstOrDefault() is not { } read)
        {
            return Task.CompletedTask;
        }

        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = read.RouteParameter,
            In = ParameterLocation.Path,
            Required = true,
            Description = $"The {read.What}: {string.Join(", ", read.Names)}.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "tutorId",
            In = ParameterLocation.Query,
            Description = "Whose events an admin or service reads; a tutor reads their own, a student their own part.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "uuid" },
        });
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = "tz",
            In = ParameterLocation.Query,
            Description = "IANA time zone (e.g. Europe/Moscow) of the days, the period, today and hours of the day; "
                + "default the caller's profile zone, else the tutor's, else UTC.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String },
        });
        return Task.CompletedTask;
    }
}
