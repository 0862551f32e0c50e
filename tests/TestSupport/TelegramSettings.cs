using Repitbot.TelegramStub;

namespace Repitbot.TestSupport;

/// <summary>Points a service's settings at the Telegram stand-in, as ./run.sh does for a local run.</summary>
public static class TelegramSettings
{
    public static void UseStub(this Dictionary<string, string> settings, TelegramStubServer stub)
    {
        settings["Telegram__Mode"] = "polling";
        settings["Telegram__BotToken"] = stub.Token;
        settings["Telegram__ApiBaseUrl"] = stub.BaseUrl;
    }
}
