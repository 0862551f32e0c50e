using Repitbot.BotGateway.Homework;
using Repitbot.BotGateway.Lessons;
using Repitbot.BotGateway.Materials;
using Repitbot.BotGateway.Payments;
using Repitbot.BotGateway.StudyLevels;

namespace Repitbot.BotGateway.UseCases;

public static class UseCaseRegistration
{
    /// <summary>The application layer REST, webhooks and the bot all call.</summary>
    public static IServiceCollection AddUseCases(this IServiceCollection services) => services
        .AddScoped<EventJournal>()
        .AddScoped<LessonPlanning>()
        .AddScoped<LessonCompletion>()
        .AddScoped<HomeworkUseCases>()
        .AddScoped<PaymentUseCases>()
        .AddScoped<MaterialUseCases>()
        .AddScoped<StudentLevels>()
        .AddScoped<ChildLevels>();
}
