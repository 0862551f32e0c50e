namespace Repitbot.Notification.Templates;

/// <summary>The three Liquid sources of one e-mail notification type in one language.</summary>
public sealed record EmailTemplate(string Key, string Locale, string Subject, string Html, string Text);
