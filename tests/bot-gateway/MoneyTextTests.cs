using Repitbot.Hosting.Text;

namespace Repitbot.BotGateway.Tests;

/// <summary>The one money format of every text the suite sends.</summary>
public sealed class MoneyTextTests
{
    [Theory]
    [InlineData(150_000, "RUB", "ru", "1\u00A0500,00\u00A0₽")]
    [InlineData(150_000, "RUB", "en", "₽1,500.00")]
    [InlineData(123_456_789, "USD", "ru", "1\u00A0234\u00A0567,89\u00A0$")]
    [InlineData(5, "EUR", "en", "€0.05")]
    [InlineData(-2_000, "RUB", "ru", "−20,00\u00A0₽")]
    [InlineData(-2_000, "RUB", "en", "-₽20.00")]
    [InlineData(99_900, "kzt", "ru", "999,00\u00A0KZT")]
    [InlineData(99_900, "KZT", "en", "KZT 999.00")]
    public void Amounts_read_as_their_language_writes_them(long minor, string currency, string locale, string expected) =>
        Assert.Equal(expected, MoneyText.Format(minor, currency, locale));
}
