using Repitbot.BotGateway.People;
using Repitbot.Contracts;
using Telegram.Bot.Types.ReplyMarkups;
using static Repitbot.Hosting.Telegram.TelegramText;

namespace Repitbot.BotGateway.Bot;

/// <summary>/start, /help, /invite, /students, /unlink and the profile commands.</summary>
public sealed class PeopleCommands(Registration registration, Invites invites, Profiles profiles, BotDirectory directory,
    Telegram.BotLinks links, TimeProvider clock, StudyLevels.StudentLevels levels)
{
    /// <summary>The roles /start offers, by the word on their button and in their deep link.</summary>
    private static readonly Dictionary<string, UserRole> Roles = new(StringComparer.Ordinal)
    {
        ["tutor"] = UserRole.Tutor, ["student"] = UserRole.Student, ["parent"] = UserRole.Parent,
    };

    public async Task StartAsync(BotContext ctx, string args)
    {
        var code = args.Trim();
        if (Roles.ContainsKey(code))
        {
            await RegisterAsAsync(ctx, code);
            return;
        }

        if (code.Length > 0)
        {
            var (user, link, failure) = await registration.AcceptInviteAsync(code, ctx.Who, ctx.CancellationToken);
            if (failure is not null)
            {
                await ctx.ReplyKeyAsync(failure.Code);
                return;
            }

            ctx.User = user;
            var tutor = Escape(await directory.NameAsync(link?.TutorId ?? Guid.Empty, ctx.CancellationToken));
            var joined = user!.Role == UserRole.Parent
                ? ctx.T("joined_parent", tutor, Escape(await directory.NameAsync(link?.StudentId ?? Guid.Empty, ctx.CancellationToken)))
                : ctx.T("joined_student", tutor);
            await ctx.ReplyAsync(joined + "\n\n" + Help(ctx));
            return;
        }

        if (ctx.User is { } known)
        {
            await ctx.ReplyAsync(ctx.T("welcome_back", Escape(known.DisplayName)) + "\n\n" + Help(ctx));
            return;
        }

        await ctx.ReplyAsync(ctx.T("choose_role"), new InlineKeyboardMarkup(Roles.Select(r =>
            new[] { InlineKeyboardButton.WithCallbackData(ctx.T("btn_role_" + r.Key), "role:" + r.Key) })));
    }

    /// <summary>The answer to "who are you?" after /start: a button, or a deep link such as t.me/bot?start=student.</summary>
    public async Task RegisterAsAsync(BotContext ctx, string role)
    {
        if (!Roles.TryGetValue(role, out var chosen))
        {
            await StartAsync(ctx, "");
            return;
        }

        var (registered, isNew) = await registration.RegisterAsync(ctx.Who, chosen, ctx.CancellationToken);
        ctx.User = registered;
        var welcome = isNew ? "welcome_" + registered.Role.ToString().ToLowerInvariant() : "welcome_back";
        await ctx.ReplyAsync(ctx.T(welcome, Escape(registered.DisplayName)) + "\n\n" + Help(ctx));
    }

    public Task HelpAsync(BotContext ctx, string args) => ctx.ReplyAsync(Help(ctx));

    /// <summary>The commands this user may use.</summary>
    public static string Help(BotContext ctx) => ctx.T(ctx.User?.Role switch
    {
        UserRole.Tutor => "help_tutor",
        UserRole.Student => "help_student",
        UserRole.Parent => "help_parent",
        _ => "help_new",
    });

    public async Task InviteAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        StudentEntry? student = null;
        if (words.Length > 0)
        {
            if (words.Length != 2 || !words[0].Equals("parent", StringComparison.OrdinalIgnoreCase) && words[0] != "родитель")
            {
                await ctx.ShowFormAsync("form_invite");
                return;
            }

            (student, var error) = await directory.FindStudentAsync(ctx.User!.Id, words[1], ctx.CancellationToken);
            if (student is null)
            {
                await ctx.ReplyKeyAsync(error!, Escape(words[1]));
                return;
            }
        }

        var (invite, failure) = await invites.CreateAsync(ctx.User!.Id, student is null ? UserRole.Student : UserRole.Parent,
            student?.Id, ctx.CancellationToken);
        if (failure is not null)
        {
            await ctx.ReplyFailureAsync(failure);
            return;
        }

        var role = student is null ? ctx.T("role_student") : ctx.T("role_parent", Escape(student.Name));
        var link = await links.InviteLinkAsync(invite!.Code, ctx.CancellationToken) ?? invite.Code;
        await ctx.ReplyKeyAsync("invite_created", role, CompactForm.Format(invite.ExpiresAt, ctx.TimeZone), Escape(link));
    }

    public async Task StudentsAsync(BotContext ctx, string args)
    {
        var students = await directory.StudentsAsync(ctx.User!.Id, ctx.CancellationToken);
        var levelOf = await levels.LevelsAsync(ctx.User.Id, students.Select(s => s.Id).ToList(), ctx.CancellationToken);
        await (students.Count == 0
            ? ctx.ReplyKeyAsync("no_students")
            : ctx.ReplyAsync(ctx.T("students_list") + "\n" + string.Join("\n", students.Select(s =>
                $"{s.Number}. {Escape(s.Name)}" + (levelOf.TryGetValue(s.Id, out var level) ? $" — {Escape(level)}" : "")))
                + "\n\n" + ctx.T("students_level_hint")));
    }

    public async Task UnlinkAsync(BotContext ctx, string args)
    {
        var words = CompactForm.Words(args);
        if (words.Length != 1)
        {
            await ctx.ShowFormAsync("form_unlink");
            return;
        }

        var (student, error) = await directory.FindStudentAsync(ctx.User!.Id, words[0], ctx.CancellationToken);
        if (student is null)
        {
            await ctx.ReplyKeyAsync(error!, Escape(words[0]));
            return;
        }

        var (_, failure) = await profiles.UnlinkAsync(ctx.User.Id, student.Id, ctx.CancellationToken);
        await (failure is null ? ctx.ReplyKeyAsync("unlinked", Escape(student.Name)) : ctx.ReplyFailureAsync(failure));
    }

    public Task ProfileAsync(BotContext ctx, string args)
    {
        var u = ctx.User!;
        return ctx.ReplyKeyAsync("profile", Escape(u.DisplayName), ctx.T("language_name"), Escape(u.TimeZone), Escape(u.Email ?? ctx.T("none")));
    }

    /// <summary>/name, /lang, /tz, /email: one part of the profile each.</summary>
    public async Task ChangeAsync(BotContext ctx, string command, string args)
    {
        var value = args.Trim();
        var formKey = "form_" + command;
        if (value.Length == 0 || (command != "name" && value.Contains(' ', StringComparison.Ordinal)))
        {
            await ctx.ShowFormAsync(formKey);
            return;
        }

        var change = command switch
        {
            "name" => new ProfileChange { DisplayName = value },
            "lang" => new ProfileChange { Locale = value.ToLowerInvariant() },
            "tz" => new ProfileChange { TimeZone = value },
            _ => new ProfileChange { Email = value == "-" ? "" : value },
        };
        var (saved, failure) = await profiles.ChangeAsync(ctx.User!.Id, change, ctx.CancellationToken);
        if (failure is not null || saved is null)
        {
            await ctx.ReplyAsync(ctx.T("form", ctx.T(formKey)));
            return;
        }

        // The reply already speaks the new language after /lang, and repeats what was stored, not what was typed.
        ctx.User.Locale = saved.Locale;
        await ctx.ReplyAsync(command switch
        {
            "name" => ctx.T("saved_name", Escape(saved.DisplayName)),
            "lang" => ctx.T("saved_lang"),
            "tz" => ctx.T("saved_tz", Escape(saved.TimeZone), CompactForm.Format(clock.GetUtcNow(), saved.TimeZone)[^5..]),
            _ => saved.Email is { } email ? ctx.T("saved_email", Escape(email)) : ctx.T("saved_no_email"),
        });
    }
}
