using System.Reflection;
using Repitbot.Contracts;

namespace Repitbot.Analytics.Tests.WireCompatibility;

/// <summary>
/// Every message type in the contracts, each with every property set to a value that is not its type's
/// default (enums to their last member, currencies a real code), so a field the wire format drops or renames shows in a comparison.
/// </summary>
public static class FilledContracts
{
    public static IEnumerable<Type> Types => typeof(IDomainEvent).Assembly.GetExportedTypes()
        .Where(t => t is { IsClass: true, IsAbstract: false } && t.GetConstructor(Type.EmptyTypes) is not null)
        .OrderBy(t => t.Name, StringComparer.Ordinal);

    public static TheoryData<string> Names() => new(Types.Select(t => t.Name));

    public static Type Named(string name) => Types.Single(t => t.Name == name);

    public static object Of(Type type)
    {
        var message = Activator.CreateInstance(type)!;
        var seed = 0;
        foreach (var property in type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Where(p => p.CanWrite))
        {
            property.SetValue(message, property.Name == "Currency" ? "RUB" : ValueOf(property.PropertyType, ++seed));
        }

        return message;
    }

    private static object ValueOf(Type type, int seed)
    {
        type = Nullable.GetUnderlyingType(type) ?? type;
        if (type.IsEnum)
        {
            var members = Enum.GetValues(type);
            return members.GetValue(members.Length - 1)!;
        }

        return type switch
        {
            _ when type == typeof(Guid) => new Guid(seed, 1, 2, [3, 4, 5, 6, 7, 8, 9, 10]),
            _ when type == typeof(string) => $"текст {seed} \"quoted\"",
            _ when type == typeof(int) => (seed % 50) + 1, // within every range a reader checks (scores, minutes)
            _ when type == typeof(long) => 10_000_000_000L + seed,
            _ when type == typeof(decimal) => 12.5m + seed,
            _ when type == typeof(double) => 0.25 + seed,
            _ when type == typeof(bool) => true,
            _ when type == typeof(DateTimeOffset) => new DateTimeOffset(2026, 3, 29, 1, 30, seed % 60, 123, TimeSpan.FromHours(3)),
            _ when type == typeof(DateOnly) => new DateOnly(2026, 3, 1).AddDays(seed),
            _ when type == typeof(IReadOnlyDictionary<string, string>) => new Dictionary<string, string> { ["studentName"] = $"Аня {seed}" },
            _ when type == typeof(IReadOnlyList<string>) => new[] { $"one {seed}", "two" },
            _ => throw new NotSupportedException(
                $"{type} has no sample value here yet: add one, so its contract's wire form is checked too."),
        };
    }
}
