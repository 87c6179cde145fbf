using System.Globalization;
using System.Text;

namespace TagMyStock.Imaging.Embedding;

/// <summary>The formats metadata can be embedded into.</summary>
internal enum EmbeddableFormat
{
    Jpeg,
    Png,
}

/// <summary>Tells JPEG from PNG by their first bytes, never by the file name.</summary>
internal static class ImageSignature
{
    private const int ShownBytes = 4;

    /// <summary>PNG specification §5.2: the eight bytes every PNG datastream starts with.</summary>
    public static ReadOnlySpan<byte> Png => [0x89, (byte)'P', (byte)'N', (byte)'G', 0x0D, 0x0A, 0x1A, 0x0A];

    /// <summary>
    /// Reads the signature and leaves <paramref name="source"/> just after it: after SOI (FF D8) for a JPEG,
    /// after the 8-byte signature for a PNG. Reading only that much lets the writers stream the rest.
    /// </summary>
    public static EmbeddableFormat Detect(Stream source, string fileName)
    {
        Span<byte> head = stackalloc byte[12];
        var read = source.ReadAtLeast(head[..2], 2, throwOnEndOfStream: false);
        if (read == 2 && head[0] == 0xFF && head[1] == 0xD8)
        {
            return EmbeddableFormat.Jpeg;
        }

        read += source.ReadAtLeast(head[read..Png.Length], Png.Length - read, throwOnEndOfStream: false);
        if (read == Png.Length && head[..Png.Length].SequenceEqual(Png))
        {
            return EmbeddableFormat.Png;
        }

        if (read == 0)
        {
            throw new ImageFileException($"{fileName} is empty.");
        }

        read += source.ReadAtLeast(head[read..], head.Length - read, throwOnEndOfStream: false);
        throw new ImageFileException(
            $"{fileName} is not a JPEG or PNG file (it starts with {Show(head[..Math.Min(read, ShownBytes)])}{KnownFormat(head[..read])}); "
            + "metadata can be embedded into JPEG and PNG files only.");
    }

    private static string Show(ReadOnlySpan<byte> bytes)
    {
        var text = new StringBuilder();
        var printable = true;
        foreach (var b in bytes)
        {
            printable &= b is >= 0x20 and < 0x7F;
        }

        foreach (var b in bytes)
        {
            if (printable)
            {
                text.Append((char)b);
            }
            else
            {
                text.Append(text.Length == 0 ? "" : " ").Append(CultureInfo.InvariantCulture, $"0x{b:X2}");
            }
        }

        return printable ? $"'{text}'" : text.ToString();
    }

    private static string KnownFormat(ReadOnlySpan<byte> head)
    {
        var name = head switch
        {
            [(byte)'G', (byte)'I', (byte)'F', (byte)'8', ..] => "a GIF image",
            [(byte)'R', (byte)'I', (byte)'F', (byte)'F', _, _, _, _, (byte)'W', (byte)'E', (byte)'B', (byte)'P', ..] => "a WebP image",
            [(byte)'I', (byte)'I', 0x2A, 0x00, ..] or [(byte)'M', (byte)'M', 0x00, 0x2A, ..] => "a TIFF image",
            [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', (byte)'a', (byte)'v', (byte)'i', (byte)'f'] => "an AVIF image",
            [_, _, _, _, (byte)'f', (byte)'t', (byte)'y', (byte)'p', ..] => "a HEIF image",
            [(byte)'B', (byte)'M', ..] => "a BMP image",
            [(byte)'8', (byte)'B', (byte)'P', (byte)'S', ..] => "a Photoshop document",
            [(byte)'%', (byte)'P', (byte)'D', (byte)'F', ..] => "a PDF document",
            _ => null,
        };
        return name is null ? "" : $", {name}";
    }
}
