namespace Repitbot.Hosting.Messaging;

/// <summary>The parts of <c>RabbitMq__Uri</c> (amqp://user:pass@host:port/vhost).</summary>
public sealed record RabbitMqAddress(string Host, int Port, string VirtualHost, string Username, string Password, bool UseTls)
{
    public static RabbitMqAddress Parse(string uri)
    {
        var parsed = new Uri(uri);
        var userInfo = parsed.UserInfo.Split(':', 2);
        var useTls = parsed.Scheme == "amqps";
        var vhost = Uri.UnescapeDataString(parsed.AbsolutePath.TrimStart('/'));
        return new RabbitMqAddress(
            parsed.Host,
            parsed.IsDefaultPort || parsed.Port < 0 ? (useTls ? 5671 : 5672) : parsed.Port,
            vhost.Length == 0 ? "/" : vhost,
            userInfo.Length > 0 && userInfo[0].Length > 0 ? Uri.UnescapeDataString(userInfo[0]) : "guest",
            userInfo.Length > 1 ? Uri.UnescapeDataString(userInfo[1]) : "guest",
            useTls);
    }

    /// <summary>For logs and error messages: never the password.</summary>
    public override string ToString() => $"{(UseTls ? "amqps" : "amqp")}://{Username}@{Host}:{Port}/{VirtualHost}";
}
