namespace Repitbot.Gateway.Clients;

/// <summary>An API client whose secret was just checked, from configuration or from the database.</summary>
public sealed record VerifiedClient(string Id, string Role, string Subject, IReadOnlyList<string> Scopes);
