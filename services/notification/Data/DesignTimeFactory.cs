using Microsoft.EntityFrameworkCore.Design;
using Repitbot.Hosting.Data;

namespace Repitbot.Notification.Data;

internal sealed class DesignTimeFactory : IDesignTimeDbContextFactory<NotificationDb>
{
    public NotificationDb CreateDbContext(string[] args) => new(DesignTimeOptions.For<NotificationDb>(NotificationDb.Schema));
}
