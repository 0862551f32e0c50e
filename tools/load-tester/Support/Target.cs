namespace Repitbot.LoadTester.Support;

/// <summary>Something a scenario talks to: a name for messages and its address (URL, AMQP URI, connection string, host:port).</summary>
public sealed record Target(string Name, string Address);
