using Repitbot.Hosting;
using Repitbot.Hosting.Configuration;
using Repitbot.Notification;
using Repitbot.Notification.Delivery;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddNotificationServices();

var app = builder.Build();
app.MapDefaultEndpoints();
app.MapDeliveriesApi();

return await app.RunServiceAsync();

public partial class Program;
