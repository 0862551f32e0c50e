using Repitbot.Contracts;
using Repitbot.Notification.Templates;

namespace Repitbot.Notification.Tests;

public sealed class NotificationTypeNamesTests
{
    /// <summary>The bot offers <see cref="NotificationTypeNames.Switchable"/> as toggles: every type a person may opt out of, none unknown here.</summary>
    [Fact]
    public void Every_type_but_the_test_and_the_digest_is_switchable_and_every_switchable_type_exists()
    {
        var known = NotificationTypes.All.Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
        known.ExceptWith([NotificationTypes.Test, NotificationTypes.Digest]);

        Assert.True(known.SetEquals(NotificationTypeNames.Switchable),
            $"only here: {string.Join(", ", known.Except(NotificationTypeNames.Switchable))}; "
            + $"only switchable: {string.Join(", ", NotificationTypeNames.Switchable.Except(known))}");
    }
}
