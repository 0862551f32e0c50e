namespace Repitbot.TestSupport.Suite;

/// <summary>An API client the suite's gateway knows (<c>Auth__Clients__N__*</c>): it swaps the secret for a token of the role.</summary>
public sealed record SuiteClient(string Id, string Secret, string Role, string Subject);
