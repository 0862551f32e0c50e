using Repitbot.Hosting;
using Repitbot.Hosting.Configuration;
using Repitbot.Notification;
using Repitbot.Notification.Delivery;
using Repitbot.Notification.Preferences;
using Repitbot.Notification.Templates;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationServices();

var app = builder.Build();
app.ExitIfCommandOrInvalidSettings();
app.UseDefaultMiddleware();
app.MapDefaultEndpoints();
app.MapTemplatesApi();
app.MapPreferencesApi();
app.MapNotificationsApi();

return await app.RunServiceAsync();

public partial class Program;
