using System.Text.Json.Nodes;
using Repitbot.TelegramStub.Api;
using Repitbot.TelegramStub.State;

namespace Repitbot.TelegramStub.Methods;

/// <summary>sendMessage, sendPhoto, sendDocument and sendChatAction.</summary>
public static class SendMethods
{
    private const int MaxPhotoBytes = 10 * 1024 * 1024;
    private const int MaxDocumentBytes = 50 * 1024 * 1024;
    private static readonly string[] Actions =
        ["typing", "upload_photo", "record_video", "upload_video", "record_voice", "upload_voice", "upload_document", "choose_sticker", "find_location", "record_video_note", "upload_video_note"];

    public static JsonNode SendMessage(MethodContext call)
    {
        var chat = Messaging.Chat(call);
        var formatted = Messaging.Format(call, "text", "entities", required: true);
        Messaging.Admit(call, chat);
        var message = Messaging.NewMessage(call, chat);
        Messaging.SetText(message, "text", "entities", formatted);
        return Messaging.Store(call, chat, message);
    }

    public static JsonNode SendPhoto(MethodContext call)
    {
        var chat = Messaging.Chat(call);
        var caption = Messaging.Format(call, "caption", "caption_entities", required: false);
        var photo = InputFile(call, "photo", MaxPhotoBytes, out var existing);
        Messaging.Admit(call, chat);
        var message = Messaging.NewMessage(call, chat);
        message["photo"] = existing is not null && existing.FilePath.StartsWith("photos/", StringComparison.Ordinal)
            ? PhotoSizes(call.Bot, existing.Content, existing)
            : PhotoSizes(call.Bot, photo!.Content, null);
        if (caption.Text.Length > 0)
        {
            Messaging.SetText(message, "caption", "caption_entities", caption);
        }

        return Messaging.Store(call, chat, message);
    }

    public static JsonNode SendDocument(MethodContext call)
    {
        var chat = Messaging.Chat(call);
        var caption = Messaging.Format(call, "caption", "caption_entities", required: false);
        var upload = InputFile(call, "document", MaxDocumentBytes, out var existing);
        Messaging.Admit(call, chat);
        var file = existing ?? call.Bot.AddFile("documents", upload!.Content, upload.FileName ?? "file", upload.ContentType ?? "application/octet-stream", Path.GetExtension(upload.FileName ?? ""));
        var message = Messaging.NewMessage(call, chat);
        message["document"] = DocumentJson(file);
        if (caption.Text.Length > 0)
        {
            Messaging.SetText(message, "caption", "caption_entities", caption);
        }

        return Messaging.Store(call, chat, message);
    }

    public static JsonNode SendChatAction(MethodContext call)
    {
        Messaging.Chat(call);
        if (!Actions.Contains(call.Parameters.Text("action")))
        {
            throw BotApiException.BadRequest("wrong parameter action in request");
        }

        return true;
    }

    public static JsonObject DocumentJson(StoredFile file) => new()
    {
        ["file_name"] = file.FileName,
        ["mime_type"] = file.MimeType,
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Content.Length,
    };

    /// <summary>An upload in the request, or a file_id sent earlier; URLs are not fetched by the stub.</summary>
    private static UploadedFile? InputFile(MethodContext call, string name, int maxBytes, out StoredFile? existing)
    {
        existing = null;
        var upload = call.Parameters.File(name);
        if (upload is not null)
        {
            if (upload.Content.Length == 0)
            {
                throw BotApiException.BadRequest("file must be non-empty");
            }

            return upload.Content.Length > maxBytes ? throw new BotApiException(413, "Request Entity Too Large") : upload;
        }

        var id = call.Parameters.Text(name);
        if (string.IsNullOrEmpty(id))
        {
            throw BotApiException.BadRequest($"there is no {name} in the request");
        }

        existing = call.Bot.Files.GetValueOrDefault(id) ?? throw BotApiException.BadRequest("wrong file identifier/HTTP URL specified");
        return null;
    }

    /// <summary>The real API stores several scaled copies; the stub returns a thumbnail size and the full size, both with the original bytes.</summary>
    private static JsonArray PhotoSizes(BotState bot, byte[] content, StoredFile? existing)
    {
        var (width, height) = ImageSize.Read(content) ?? throw BotApiException.BadRequest("IMAGE_PROCESS_FAILED");
        var sizes = new JsonArray();
        var scale = Math.Min(1.0, 90.0 / Math.Max(width, height));
        var thumb = bot.AddFile("photos", content, null, "image/jpeg", ".jpg");
        sizes.Add(Size(thumb, Math.Max(1, (int)(width * scale)), Math.Max(1, (int)(height * scale))));
        sizes.Add(Size(existing ?? bot.AddFile("photos", content, null, "image/jpeg", ".jpg"), width, height));
        return sizes;
    }

    private static JsonObject Size(StoredFile file, int width, int height) => new()
    {
        ["file_id"] = file.FileId,
        ["file_unique_id"] = file.FileUniqueId,
        ["file_size"] = file.Content.Length,
        ["width"] = width,
        ["height"] = height,
    };
}
