namespace Repitbot.TelegramStub.State;

/// <summary>A file the bot sent or received; getFile and /file/bot{token}/{path} serve it.</summary>
public sealed record StoredFile(string FileId, string FileUniqueId, string FilePath, byte[] Content, string? FileName, string? MimeType);
