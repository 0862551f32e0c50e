using System.Net.Sockets;
using Npgsql;
using RabbitMQ.Client.Exceptions;
using Repitbot.LoadTester.Support;
using StackExchange.Redis;

namespace Repitbot.LoadTester.Cli;

/// <summary>How the tool ends on a bad command line (usage, exit 2) or an unreachable target (one line, exit 3).</summary>
public static class Failures
{
    public const int UsageExitCode = 2;
    public const int UnreachableExitCode = 3;

    public static int Usage(UsageException ex)
    {
        if (ex.Message != "help")
        {
            Console.Error.WriteLine($"error: {ex.Message}");
            Console.Error.WriteLine();
        }

        Console.Error.Write(Cli.Usage.Text());
        return ex.Message == "help" ? 0 : UsageExitCode;
    }

    public static bool IsUnreachable(Exception ex) => ex is TargetUnreachableException or NpgsqlException or SocketException
        or BrokerUnreachableException or RedisConnectionException or HttpRequestException;

    public static int Unreachable(Exception ex)
    {
        Console.Error.WriteLine(ex is TargetUnreachableException ? $"error: {ex.Message}" : $"error: {ex.GetBaseException().Message}");
        return UnreachableExitCode;
    }
}
