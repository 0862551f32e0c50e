using Microsoft.IdentityModel.Tokens;
using Repitbot.Gateway.Tests.Support;
using Repitbot.Hosting.Auth;

namespace Repitbot.Gateway.Tests;

/// <summary>
/// The validation memory must never accept what a full validation would refuse: an expired token, a
/// token whose key was withdrawn, a token changed by one byte.
/// </summary>
public sealed class CachingTokenHandlerTests
{
    private static readonly DateTimeOffset Start = DateTimeOffset.UtcNow;
    private readonly ECDsaSecurityKey _key = SigningKey.Generate();
    private readonly MovingClock _clock = new(Start);

    [Fact]
    public async Task A_token_validated_once_is_accepted_again_from_memory_with_its_claims()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Mint(TimeSpan.FromMinutes(10));

        var first = await handler.ValidateTokenAsync(token, Parameters(_key));
        var second = await handler.ValidateTokenAsync(token, Parameters(_key));

        Assert.True(first.IsValid, first.Exception?.Message);
        Assert.True(second.IsValid, second.Exception?.Message);
        Assert.Same(first.SecurityToken, second.SecurityToken); // the parsed token from memory, not a new parse
        Assert.NotSame(first.ClaimsIdentity, second.ClaimsIdentity);
        Assert.Equal("tutor-7", second.ClaimsIdentity.FindFirst(RepitbotClaims.Subject)?.Value);
        Assert.Equal(Roles.Tutor, second.ClaimsIdentity.FindFirst(RepitbotClaims.Role)?.Value);
    }

    [Fact]
    public async Task A_remembered_token_is_validated_afresh_once_it_expires_or_its_trust_runs_out()
    {
        var handler = new CachingTokenHandler(_clock);
        var shortLived = Mint(TimeSpan.FromSeconds(30));
        var longLived = Mint(TimeSpan.FromMinutes(10));
        var first = await handler.ValidateTokenAsync(shortLived, Parameters(_key));
        var firstLong = await handler.ValidateTokenAsync(longLived, Parameters(_key));

        _clock.Now = Start + TimeSpan.FromSeconds(31);
        var expired = await handler.ValidateTokenAsync(shortLived, Parameters(_key));
        var stillTrusted = await handler.ValidateTokenAsync(longLived, Parameters(_key));
        _clock.Now = Start + CachingTokenHandler.Lifetime + TimeSpan.FromSeconds(1);
        var trustRanOut = await handler.ValidateTokenAsync(longLived, Parameters(_key));

        // Not from memory: a new parse. (The full validator then applies its own clock and skew.)
        Assert.NotSame(first.SecurityToken, expired.SecurityToken);
        Assert.Same(firstLong.SecurityToken, stillTrusted.SecurityToken);
        Assert.NotSame(firstLong.SecurityToken, trustRanOut.SecurityToken);
    }

    [Fact]
    public async Task A_remembered_token_is_refused_once_its_key_is_no_longer_published()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Mint(TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);

        var afterWithdrawal = await handler.ValidateTokenAsync(token, Parameters(SigningKey.Generate()));

        Assert.False(afterWithdrawal.IsValid);
    }

    [Fact]
    public async Task A_remembered_token_changed_by_one_byte_is_validated_afresh_and_refused()
    {
        var handler = new CachingTokenHandler(_clock);
        var token = Mint(TimeSpan.FromMinutes(10));
        Assert.True((await handler.ValidateTokenAsync(token, Parameters(_key))).IsValid);
        var last = token[^2];
        var changed = token[..^2] + (last == 'A' ? 'B' : 'A') + token[^1];

        var result = await handler.ValidateTokenAsync(changed, Parameters(_key));

        Assert.False(result.IsValid);
    }

    private string Mint(TimeSpan lifetime) =>
        new AccessTokenFactory(_key, "repitbot-gateway", "repitbot", new FixedClock(Start)).Create("tutor-7", Roles.Tutor, lifetime);

    private static TokenValidationParameters Parameters(SecurityKey key)
    {
        var parameters = AuthenticationRegistration.CreateValidationParameters("repitbot-gateway", "repitbot");
        parameters.IssuerSigningKeys = [key];
        return parameters;
    }

    private sealed class MovingClock(DateTimeOffset now) : TimeProvider
    {
        public DateTimeOffset Now { get; set; } = now;

        public override DateTimeOffset GetUtcNow() => Now;
    }
}
