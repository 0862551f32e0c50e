using System.Buffers.Binary;
using Telegram.Bot;
using Telegram.Bot.Types;
using static Repitbot.TelegramStub.Tests.SendingTests;

namespace Repitbot.TelegramStub.Tests;

public sealed class FileTests
{
    [Fact]
    public async Task Photos_and_documents_upload_as_multipart_and_download_unchanged()
    {
        await using var stub = await StubClient.StartRelaxedAsync();
        var bot = StubClient.For(stub);
        stub.RegisterChat(901);
        var png = Png(640, 480);

        var photo = await bot.SendPhoto(901, InputFile.FromStream(new MemoryStream(png), "chart.png"), "<b>График</b>", Telegram.Bot.Types.Enums.ParseMode.Html);
        var largest = photo.Photo!.MaxBy(p => p.Width)!;
        Assert.Equal((640, 480), (largest.Width, largest.Height));
        Assert.Equal("График", photo.Caption);
        Assert.Equal(png, await Download(bot, largest.FileId));
        Assert.Equal(png, stub.Calls("sendPhoto").Single().Files.Single().Content);

        var pdf = "%PDF-1.4 report"u8.ToArray();
        var document = await bot.SendDocument(901, InputFile.FromStream(new MemoryStream(pdf), "report.pdf"), caption: "Отчёт");
        Assert.Equal("report.pdf", document.Document!.FileName);
        Assert.Equal(pdf, await Download(bot, document.Document.FileId));
        var again = await bot.SendDocument(901, InputFile.FromFileId(document.Document.FileId));
        Assert.Equal(document.Document.FileId, again.Document!.FileId);

        await AssertApiError(400, "Bad Request: IMAGE_PROCESS_FAILED", () => bot.SendPhoto(901, InputFile.FromStream(new MemoryStream(pdf), "x.png")));
        await AssertApiError(400, "Bad Request: message caption is too long", () => bot.SendDocument(901, InputFile.FromStream(new MemoryStream(pdf), "r.pdf"), caption: new string('a', 1025)));
        await AssertApiError(400, "Bad Request: invalid file_id", () => bot.GetFile("nope"));

        stub.UserSendsDocument(901, "homework.docx", "application/vnd.openxmlformats-officedocument.wordprocessingml.document", [9, 8, 7]);
        var upload = (await bot.GetUpdates()).Single().Message!.Document!;
        Assert.Equal([9, 8, 7], await Download(bot, upload.FileId));
    }

    private static async Task<byte[]> Download(TelegramBotClient bot, string fileId)
    {
        using var buffer = new MemoryStream();
        await bot.GetInfoAndDownloadFile(fileId, buffer);
        return buffer.ToArray();
    }

    /// <summary>The PNG signature and IHDR header: enough for the size the API reports.</summary>
    private static byte[] Png(int width, int height)
    {
        var bytes = new byte[33];
        new byte[] { 0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 13, (byte)'I', (byte)'H', (byte)'D', (byte)'R' }.CopyTo(bytes, 0);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(16), width);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(20), height);
        return bytes;
    }
}
