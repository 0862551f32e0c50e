using Repitbot.Hosting.Configuration;

namespace Repitbot.BotGateway.People;

public static class PeopleRegistration
{
    public static IServiceCollection AddPeople(this IServiceCollection services)
    {
        services.AddValidatedOptions<PeopleOptions>(PeopleOptions.Section);
        return services.AddScoped<Registration>().AddScoped<Invites>().AddScoped<Profiles>();
    }
}
