using System.ComponentModel.DataAnnotations;
using System.Text.Json;

namespace Repitbot.BotGateway.UseCases;

/// <summary>
/// The DataAnnotations rules of a request, checked by the use case itself so that the bot (which builds
/// requests from text) and REST (which also checks them while binding) refuse exactly the same input.
/// </summary>
public static class RequestValidation
{
    public static Failure? Check(object request)
    {
        var results = new List<ValidationResult>();
        if (Validator.TryValidateObject(request, new ValidationContext(request), results, validateAllProperties: true))
        {
            return null;
        }

        var first = results[0];
        var member = first.MemberNames.FirstOrDefault() ?? "body";
        return Failure.Invalid(JsonNamingPolicy.CamelCase.ConvertName(member), first.ErrorMessage ?? "Invalid value.");
    }
}
