using Repitbot.BotGateway.Data;
using Repitbot.BotGateway.People;
using Repitbot.BotGateway.Telegram;
using Repitbot.BotGateway.UseCases;
using Repitbot.Contracts;
using Repitbot.Hosting.Telegram;
using Telegram.Bot.Types.ReplyMarkups;

namespace Repitbot.BotGateway.Bot;

/// <summary>One incoming message or button press: who, in which chat, in which language, and how to answer.</summary>
public sealed class BotContext(long chatId, TelegramIdentity who, User? user, BotReplies replies, CancellationToken cancellationToken)
{
    public long ChatId => chatId;
    public TelegramIdentity Who => who;
    public User? User { get; set; } = user;
    public string Locale => User?.Locale ?? who.Locale;
    public string TimeZone => User?.TimeZone ?? "Europe/Moscow";
    public CancellationToken CancellationToken => cancellationToken;
    public BotReplies Replies => replies;
    public bool IsTutor => User?.Role == UserRole.Tutor;
    public bool IsStudent => User?.Role == UserRole.Student;
    public bool IsParent => User?.Role == UserRole.Parent;

    public string T(string key, params object?[] args) => Texts.Get(Locale, key, args);

    public Task ReplyAsync(string html, InlineKeyboardMarkup? keyboard = null) =>
        replies.SendAsync(chatId, html, keyboard, cancellationToken);

    public Task ReplyKeyAsync(string key, params object?[] args) => ReplyAsync(T(key, args));

    /// <summary>A malformed command: a short reply in the user's language with the right form.</summary>
    public Task ShowFormAsync(string formKey, params object?[] args) => ReplyAsync(T("form", T(formKey, args)));

    /// <summary>Why a use case refused, in the user's language.</summary>
    public Task ReplyFailureAsync(Failure failure) => ReplyAsync(failure.Code switch
    {
        "invalid" => T("invalid", TelegramText.Escape(failure.Message)),
        "conflict" or "lesson_not_found" or "lesson_not_scheduled" or "student_not_linked" or "homework_not_found"
            or "material_not_found" => T(failure.Code),
        _ => T("invalid", TelegramText.Escape(failure.Message)),
    });
}
