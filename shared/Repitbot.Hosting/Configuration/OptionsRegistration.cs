using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Repitbot.Hosting.Configuration;

public static class OptionsRegistration
{
    /// <summary>
    /// Binds <typeparamref name="T"/> from <paramref name="section"/> and validates it before the
    /// service accepts traffic; <see cref="ServiceRunner"/> turns a failure into one line per setting.
    /// </summary>
    public static OptionsBuilder<T> AddValidatedOptions<T>(this IServiceCollection services, string section)
        where T : class
    {
        // Registering twice (several features need the same settings) must not validate twice.
        if (services.Any(d => d.ServiceType == typeof(ValidatedOptionsMarker<T>)))
        {
            return services.AddOptions<T>();
        }

        services.AddSingleton<ValidatedOptionsMarker<T>>();
        return services.AddOptions<T>()
            .BindConfiguration(section)
            .ValidateDataAnnotations()
            .ValidateOnStart();
    }

    public static T GetValidated<T>(this IServiceProvider services)
        where T : class => services.GetRequiredService<IOptions<T>>().Value;

    private sealed class ValidatedOptionsMarker<T>;
}
