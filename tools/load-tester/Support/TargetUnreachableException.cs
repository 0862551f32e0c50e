namespace Repitbot.LoadTester.Support;

/// <summary>A target did not answer: the tool prints one line naming it and exits with 3.</summary>
public sealed class TargetUnreachableException(string target, string address, string reason)
    : Exception($"cannot reach {target} at {address}: {reason}");
