using Repitbot.Analytics;
using Repitbot.Analytics.Admin;
using Repitbot.Analytics.Dashboard;
using Repitbot.Analytics.Exports;
using Repitbot.Hosting;
using Repitbot.Hosting.Configuration;

var builder = WebApplication.CreateBuilder(args);
builder.AddServiceDefaults();
builder.AddAnalyticsServices();
builder.AddAnalyticsReadSide();

var app = builder.Build();
app.ExitIfCommandOrInvalidSettings();
app.UseDefaultMiddleware();
app.MapDefaultEndpoints();
app.MapDashboardApi();
app.MapExportApi();
app.MapAdminApi();
app.MapAnalyticsReadSide();

return await app.RunServiceAsync();

public partial class Program;
