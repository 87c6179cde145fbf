using MetadataExtractor;
using MetadataExtractor.Formats.Bmp;
using MetadataExtractor.Formats.Exif;
using MetadataExtractor.Formats.FileType;
using MetadataExtractor.Formats.Gif;
using MetadataExtractor.Formats.Iptc;
using MetadataExtractor.Formats.Jpeg;
using MetadataExtractor.Formats.Png;
using MetadataExtractor.Formats.WebP;
using MetadataExtractor.Formats.Xmp;
using TagMyStock.Core.Metadata;
using TagMyStock.Imaging.Embedding;
using XmpCore;
using Directory = MetadataExtractor.Directory;

namespace TagMyStock.Imaging.Reading;

/// <summary>
/// Reads the metadata an image already carries, with MetadataExtractor, into TagMyStock's model. XMP wins over
/// IPTC-IIM, which wins over EXIF, as the Metadata Working Group guidelines (2010, §5) recommend for readers.
/// </summary>
/// <remarks>
/// Title: XMP dc:title (x-default), IIM 2:05 Object Name, XMP photoshop:Headline, IIM 2:105 Headline.
/// Description: XMP dc:description, IIM 2:120 Caption/Abstract, EXIF ImageDescription.
/// Keywords: XMP dc:subject, else IIM 2:25, in the file's order. XMP Iptc4xmpExt:DigitalSourceType gives the
/// digital source type, and sets <see cref="ContentFlags.AiGenerated"/> when it declares generative AI.
/// </remarks>
public static class EmbeddedMetadataReader
{
    /// <exception cref="ImageFileException">The file is missing, unreadable, or not an image format that can be read.</exception>
    public static EmbeddedMetadata Read(string path)
    {
        ArgumentException.ThrowIfNullOrEmpty(path);
        var fileName = Path.GetFileName(path);
        FileStream stream;
        try
        {
            // Metadata sits in the first kilobytes of a large file: no read-ahead of image data that is never read.
            stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, 1 << 16, FileOptions.RandomAccess);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            throw new ImageFileException($"{fileName} does not exist.", exception);
        }
        catch (UnauthorizedAccessException exception)
        {
            throw new ImageFileException($"{fileName} cannot be read: permission denied.", exception);
        }

        using (stream)
        {
            return Read(stream, fileName);
        }
    }

    /// <exception cref="ImageFileException">The stream is not an image format that can be read.</exception>
    public static EmbeddedMetadata Read(Stream stream, string fileName)
    {
        ArgumentNullException.ThrowIfNull(stream);
        var start = stream.CanSeek ? stream.Position : 0;
        IReadOnlyList<Directory> directories;
        try
        {
            directories = ImageMetadataReader.ReadMetadata(stream);
        }
        catch (ImageProcessingException exception)
        {
            throw new ImageFileException($"{fileName} is not an image that can be read ({exception.Message}).", exception);
        }
        catch (IOException exception)
        {
            throw new ImageFileException($"{fileName} could not be read: {exception.Message}", exception);
        }

        var warnings = new List<string>();
        var xmpMeta = directories.OfType<XmpDirectory>().Select(directory => directory.XmpMeta).FirstOrDefault(meta => meta is not null);
        var repairedXmp = xmpMeta is null && directories.OfType<XmpDirectory>().Any(directory => directory.HasError)
            ? RepairedXmp(stream, start, fileName, warnings)
            : null;
        foreach (var directory in directories.Where(directory => repairedXmp is null || directory is not XmpDirectory))
        {
            foreach (var error in directory.Errors)
            {
                warnings.Add($"{directory.Name}: {error}");
            }
        }

        var xmp = new XmpFields(xmpMeta ?? repairedXmp, warnings);
        var iptc = directories.OfType<IptcDirectory>().FirstOrDefault();
        var ifd0 = directories.OfType<ExifIfd0Directory>().FirstOrDefault();
        var pngTexts = PngTexts(directories);

        var digitalSourceType = xmp.Text(XmpConstants.NsIptcext, "DigitalSourceType");
        var metadata = new ImageMetadata
        {
            Title = FirstText(
                xmp.AltText(XmpConstants.NsDC, "title"),
                iptc?.GetString(IptcDirectory.TagObjectName),
                xmp.Text(XmpConstants.NsPhotoshop, "Headline"),
                iptc?.GetString(IptcDirectory.TagHeadline)),
            Description = FirstText(
                xmp.AltText(XmpConstants.NsDC, "description"),
                iptc?.GetString(IptcDirectory.TagCaption),
                ifd0?.GetString(ExifDirectoryBase.TagImageDescription)),
            Keywords = xmp.Items(XmpConstants.NsDC, "subject") is { Count: > 0 } subjects ? subjects : [.. iptc?.GetKeywords() ?? []],
            DigitalSourceType = digitalSourceType,
            Flags = DigitalSourceType.IsGenerativeAi(digitalSourceType) ? ContentFlags.AiGenerated : ContentFlags.None,
        };

        var generation = GenerationText.FromPngText(pngTexts) ?? ExifGeneration(directories);
        return new EmbeddedMetadata(metadata)
        {
            GenerationPrompt = generation?.Prompt,
            GeneratorName = generation?.Model ?? Generators.FirstNamed(
                Find(pngTexts, "Software"),
                xmp.Text(XmpConstants.NsXmp, "CreatorTool"),
                ifd0?.GetString(ExifDirectoryBase.TagSoftware)),
            Format = directories.OfType<FileTypeDirectory>().FirstOrDefault()?.GetString(FileTypeDirectory.TagDetectedFileTypeName) ?? "",
            Width = Dimension(directories, width: true),
            Height = Dimension(directories, width: false),
            Warnings = warnings,
        };
    }

    /// <summary>
    /// The XMP MetadataExtractor could not parse, read again the way an embed reads it: a packet that only repeats
    /// properties (as GIMP 2.8 writes them) is repaired, and the repair added to <paramref name="warnings"/>. Null
    /// when that fails too or the stream cannot be read again; MetadataExtractor's error is then reported instead.
    /// </summary>
    private static IXmpMeta? RepairedXmp(Stream stream, long start, string fileName, List<string> warnings)
    {
        if (!stream.CanSeek)
        {
            return null;
        }

        var repairs = new List<string>();
        try
        {
            stream.Position = start;
            var xmp = ImageXmp.Read(stream, fileName, repairs);
            warnings.AddRange(repairs);
            return xmp;
        }
        catch (ImageFileException)
        {
            return null;
        }
    }

    /// <summary>Automatic1111 writes its parameters to EXIF UserComment in JPEG and WebP.</summary>
    private static Generation? ExifGeneration(IReadOnlyList<Directory> directories)
    {
        var userComment = directories.OfType<ExifSubIfdDirectory>().FirstOrDefault()?.GetDescription(ExifDirectoryBase.TagUserComment);
        return userComment is null ? null : GenerationText.FromAutomatic1111(userComment);
    }

    private static List<KeyValuePair<string, string>> PngTexts(IReadOnlyList<Directory> directories)
    {
        var texts = new List<KeyValuePair<string, string>>();
        foreach (var directory in directories.OfType<PngDirectory>())
        {
            if (directory.GetObject(PngDirectory.TagTextualData) is IEnumerable<MetadataExtractor.KeyValuePair> pairs)
            {
                foreach (var pair in pairs)
                {
                    texts.Add(new(pair.Key, pair.Value.ToString()));
                }
            }
        }

        return texts;
    }

    private static string? Find(List<KeyValuePair<string, string>> texts, string key) =>
        texts.FirstOrDefault(text => string.Equals(text.Key, key, StringComparison.OrdinalIgnoreCase)).Value;

    private static int? Dimension(IReadOnlyList<Directory> directories, bool width)
    {
        foreach (var directory in directories)
        {
            var tag = directory switch
            {
                JpegDirectory => width ? JpegDirectory.TagImageWidth : JpegDirectory.TagImageHeight,
                PngDirectory => width ? PngDirectory.TagImageWidth : PngDirectory.TagImageHeight,
                WebPDirectory => width ? WebPDirectory.TagImageWidth : WebPDirectory.TagImageHeight,
                GifHeaderDirectory => width ? GifHeaderDirectory.TagImageWidth : GifHeaderDirectory.TagImageHeight,
                BmpHeaderDirectory => width ? BmpHeaderDirectory.TagImageWidth : BmpHeaderDirectory.TagImageHeight,
                _ => (int?)null,
            };
            if (tag is { } id && directory.TryGetInt32(id, out var value))
            {
                return value;
            }
        }

        return null;
    }

    private static string FirstText(params ReadOnlySpan<string?> candidates)
    {
        foreach (var candidate in candidates)
        {
            if (!string.IsNullOrWhiteSpace(candidate))
            {
                return candidate.Trim();
            }
        }

        return "";
    }
}
