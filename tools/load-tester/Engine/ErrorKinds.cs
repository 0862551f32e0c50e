using System.Net;
using System.Net.Sockets;

namespace Repitbot.LoadTester.Engine;

/// <summary>Turns a failure into a short label, so the result counts errors by kind instead of listing them.</summary>
public static class ErrorKinds
{
    public const string Timeout = "timeout";

    public static string ForStatus(HttpStatusCode status) => $"http_{(int)status}";

    public static string For(Exception exception) => exception switch
    {
        TaskCanceledException or OperationCanceledException or TimeoutException => Timeout,
        HttpRequestException { InnerException: SocketException socket } => ForSocket(socket),
        SocketException socket => ForSocket(socket),
        HttpRequestException { StatusCode: { } status } => ForStatus(status),
        HttpRequestException => "http_transport",
        IOException => "io",
        _ => exception.GetType().Name,
    };

    private static string ForSocket(SocketException socket) => socket.SocketErrorCode switch
    {
        SocketError.ConnectionRefused => "connection_refused",
        SocketError.ConnectionReset => "connection_reset",
        SocketError.TimedOut => Timeout,
        _ => "socket_" + socket.SocketErrorCode.ToString().ToLowerInvariant(),
    };
}
