namespace Repitbot.LoadTester.Engine;

/// <summary>
/// What one operation came to. <see cref="Operation"/> names the row it is counted in (an API mix has
/// one row per endpoint); <see cref="ErrorKind"/> is null on success, else a short stable label
/// ("http_404", "timeout", "connection_refused").
/// </summary>
public readonly record struct Outcome(string Operation, string? ErrorKind = null)
{
    public bool Succeeded => ErrorKind is null;

    public static Outcome Ok(string operation) => new(operation);

    public static Outcome Failed(string operation, string kind) => new(operation, kind);
}
