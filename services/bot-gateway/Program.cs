using Repitbot.BotGateway;
using Repitbot.BotGateway.Events;
using Repitbot.BotGateway.Homework;
using Repitbot.BotGateway.Lessons;
using Repitbot.BotGateway.Materials;
using Repitbot.BotGateway.Payments;
using Repitbot.BotGateway.People;
using Repitbot.BotGateway.Students;
using Repitbot.BotGateway.StudyLevels;
using Repitbot.BotGateway.Telegram;
using Repitbot.BotGateway.Webhooks;
using Repitbot.Hosting;
using Repitbot.Hosting.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddBotGatewayServices();

var app = builder.Build();
app.ExitIfCommandOrInvalidSettings();
app.UseDefaultMiddleware();
app.MapDefaultEndpoints();
app.MapStudentsApi();
app.MapStudyLevelsApi();
app.MapPeopleApi();
app.MapLessonEventsApi();
app.MapHomeworkEventsApi();
app.MapPaymentEventsApi();
app.MapMaterialEventsApi();
app.MapWebhooks();
app.MapTelegramWebhook();
app.MapUnknownEventsApi();

return await app.RunServiceAsync();

public partial class Program;
