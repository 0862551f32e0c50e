using System.Runtime.InteropServices;

namespace Repitbot.Analytics.Charts;

/// <summary>
/// Cuts a TrueType font down to the characters reports and charts write, without hinting, with HarfBuzz's
/// subsetter (in libHarfBuzzSharp, which ScottPlot already ships). The Linux SkiaSharp build we use embeds a
/// font whole in a PDF because it has no subsetter of its own: DejaVu Sans made a two-page report 1.1 MB.
/// </summary>
internal static class FontSubset
{
    private const string HarfBuzz = "libHarfBuzzSharp";
    private const uint NoHinting = 0x1, DuplicateMemory = 0;

    /// <summary>
    /// Latin with its Western European and Central European letters, Greek, every Cyrillic letter, the
    /// punctuation, currency signs (₽) and symbols the texts use. A character outside them would show as a box.
    /// </summary>
    private static readonly (uint First, uint Last)[] Ranges =
    [
        (0x20, 0x7E), (0xA0, 0x17F), (0x370, 0x3FF), (0x400, 0x52F), (0x2000, 0x206F), (0x20A0, 0x20BF),
        (0x2100, 0x2122), (0x2190, 0x2199), (0x2212, 0x2212), (0x2260, 0x2265), (0x25A0, 0x25CF),
    ];

    /// <summary>The subset font's bytes, or null when HarfBuzz refuses (then the whole font is used).</summary>
    public static byte[]? Subset(byte[] font)
    {
        var handle = GCHandle.Alloc(font, GCHandleType.Pinned);
        var (blob, face, input, subset, result) = (IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero, IntPtr.Zero);
        try
        {
            blob = hb_blob_create(handle.AddrOfPinnedObject(), (uint)font.Length, DuplicateMemory, IntPtr.Zero, IntPtr.Zero);
            face = hb_face_create(blob, 0);
            input = hb_subset_input_create_or_fail();
            if (input == IntPtr.Zero)
            {
                return null;
            }

            var characters = hb_subset_input_unicode_set(input);
            foreach (var (first, last) in Ranges)
            {
                hb_set_add_range(characters, first, last);
            }

            hb_subset_input_set_flags(input, NoHinting);
            subset = hb_subset_or_fail(face, input);
            if (subset == IntPtr.Zero)
            {
                return null;
            }

            result = hb_face_reference_blob(subset);
            var data = hb_blob_get_data(result, out var length);
            if (data == IntPtr.Zero || length == 0)
            {
                return null;
            }

            var bytes = new byte[length];
            Marshal.Copy(data, bytes, 0, (int)length);
            return bytes;
        }
        catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
        {
            return null;
        }
        finally
        {
            Destroy(result, hb_blob_destroy);
            Destroy(subset, hb_face_destroy);
            Destroy(input, hb_subset_input_destroy);
            Destroy(face, hb_face_destroy);
            Destroy(blob, hb_blob_destroy);
            handle.Free();
        }
    }

    private static void Destroy(IntPtr pointer, Action<IntPtr> destroy)
    {
        if (pointer != IntPtr.Zero)
        {
            destroy(pointer);
        }
    }

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_create(IntPtr data, uint length, uint mode, IntPtr userData, IntPtr destroy);

    [DllImport(HarfBuzz)]
    private static extern void hb_blob_destroy(IntPtr blob);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_blob_get_data(IntPtr blob, out uint length);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_create(IntPtr blob, uint index);

    [DllImport(HarfBuzz)]
    private static extern void hb_face_destroy(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_face_reference_blob(IntPtr face);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_create_or_fail();

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_destroy(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_input_unicode_set(IntPtr input);

    [DllImport(HarfBuzz)]
    private static extern void hb_subset_input_set_flags(IntPtr input, uint flags);

    [DllImport(HarfBuzz)]
    private static extern void hb_set_add_range(IntPtr set, uint first, uint last);

    [DllImport(HarfBuzz)]
    private static extern IntPtr hb_subset_or_fail(IntPtr face, IntPtr input);
}
