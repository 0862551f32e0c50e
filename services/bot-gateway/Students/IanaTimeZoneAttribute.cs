using System.ComponentModel.DataAnnotations;

namespace Repitbot.BotGateway.Students;

[AttributeUsage(AttributeTargets.Property)]
public sealed class IanaTimeZoneAttribute : ValidationAttribute
{
    protected override ValidationResult? IsValid(object? value, ValidationContext validationContext) =>
        value is null || (value is string id && TimeZoneInfo.TryFindSystemTimeZoneById(id, out _))
            ? ValidationResult.Success
            : new ValidationResult($"'{value}' is not an IANA time zone (e.g. Europe/Moscow).",
                [validationContext.MemberName!]);
}
