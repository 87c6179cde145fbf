using System.Xml;
using TagMyStock.Core.Metadata;
using XmpCore;
using XmpCore.Options;

namespace TagMyStock.Imaging.Embedding.Xmp;

/// <summary>
/// Puts TagMyStock's fields into an XMP data model (XMP Specification Part 1, ISO 16684-1) and serializes it.
/// Every other property of the model is kept.
/// </summary>
/// <remarks>
/// Fields: dc:title and dc:description (language alternatives, x-default), dc:subject (bag, in the keywords'
/// order), photoshop:Headline (the title, as IPTC Core maps IIM 2:105) and Iptc4xmpExt:DigitalSourceType (IPTC
/// Photo Metadata Standard; written only for AI-made images, removed otherwise unless
/// <see cref="EmbedOptions.KeepExistingDigitalSourceType"/> keeps the file's own). Title and description replace the
/// whole alternative array, so a stale translation cannot outlive a new title. An empty field removes the property.
/// </remarks>
internal static class XmpPacketBuilder
{
    /// <summary>Properties an embed always writes; they stay in the main JPEG packet when XMP must be split.</summary>
    public static IReadOnlyList<(string Namespace, string Name)> WrittenProperties { get; } =
    [
        (XmpConstants.NsDC, "title"),
        (XmpConstants.NsDC, "description"),
        (XmpConstants.NsDC, "subject"),
        (XmpConstants.NsPhotoshop, "Headline"),
        (XmpConstants.NsIptcext, "DigitalSourceType"),
    ];

    private static ReadOnlySpan<byte> Utf8ByteOrderMark => [0xEF, 0xBB, 0xBF];

    /// <summary>
    /// Parses one serialized packet. A packet refused only for repeating properties is parsed without the later
    /// copies (see <see cref="XmpDuplicateProperties"/>), and what was dropped is added to <paramref name="warnings"/>;
    /// any other malformed packet is reported as a problem with the file.
    /// </summary>
    public static IXmpMeta Parse(byte[] buffer, int offset, int count, string fileName, ICollection<string> warnings)
    {
        try
        {
            return XmpMetaFactory.ParseFromBuffer(buffer, offset, count);
        }
        catch (XmpException refusal)
        {
            return ParseRepaired(buffer, offset, count, fileName, warnings, refusal);
        }
    }

    /// <summary>Adds the properties of <paramref name="source"/> that <paramref name="target"/> lacks.</summary>
    public static void MergeInto(IXmpMeta target, IXmpMeta source) =>
        XmpUtils.AppendProperties(source, target, doAllProperties: true, replaceOldValues: false, deleteEmptyValues: false);

    /// <summary>Writes <paramref name="metadata"/> into <paramref name="xmp"/>.</summary>
    /// <returns>The digital source type <paramref name="xmp"/> now declares, or null for none.</returns>
    public static string? Apply(IXmpMeta xmp, ImageMetadata metadata, EmbedOptions options)
    {
        SetAltText(xmp, XmpConstants.NsDC, "title", metadata.Title);
        SetAltText(xmp, XmpConstants.NsDC, "description", metadata.Description);
        SetText(xmp, XmpConstants.NsPhotoshop, "Headline", metadata.Title);
        if (metadata.EffectiveDigitalSourceType is not null || !options.KeepExistingDigitalSourceType)
        {
            SetText(xmp, XmpConstants.NsIptcext, "DigitalSourceType", metadata.EffectiveDigitalSourceType);
        }

        xmp.DeleteProperty(XmpConstants.NsDC, "subject");
        var bag = new PropertyOptions { IsArray = true };
        foreach (var keyword in metadata.Keywords)
        {
            if (!string.IsNullOrWhiteSpace(keyword))
            {
                xmp.AppendArrayItem(XmpConstants.NsDC, "subject", bag, keyword, null);
            }
        }

        return xmp.GetPropertyString(XmpConstants.NsIptcext, "DigitalSourceType");
    }

    public static bool HasProperties(IXmpMeta xmp) => xmp.Properties.Any();

    /// <summary>
    /// Serializes in the compact RDF form, schemas and properties sorted (array items keep their order) so the
    /// same metadata always gives the same bytes, however often a file is re-tagged. <paramref name="padding"/> is whitespace left for in-place editors
    /// (XMP Part 1 §7.3.4); without a packet wrapper there is none. XmpCore starts its output with a UTF-8 byte
    /// order mark, which does not belong before "&lt;?xpacket" and is dropped.
    /// </summary>
    public static byte[] Serialize(IXmpMeta xmp, int padding, bool packetWrapper = true)
    {
        // XmpCore reads a padding of 0 as "its default of 2048", so 1 is the smallest.
        var options = new SerializeOptions
        {
            UseCompactFormat = true,
            OmitPacketWrapper = !packetWrapper,
            Padding = Math.Max(1, padding),
        };
        xmp.Sort();
        var bytes = XmpMetaFactory.SerializeToBuffer(xmp, options);
        return bytes.AsSpan().StartsWith(Utf8ByteOrderMark) ? bytes[Utf8ByteOrderMark.Length..] : bytes;
    }

    /// <summary>A packet XmpCore refused: parsed again without its repeats, or reported with the clearest reason found.</summary>
    private static IXmpMeta ParseRepaired(byte[] buffer, int offset, int count, string fileName, ICollection<string> warnings, XmpException refusal)
    {
        Exception problem = refusal;
        try
        {
            if (XmpDuplicateProperties.Remove(buffer, offset, count) is { } repair)
            {
                var repaired = XmpMetaFactory.ParseFromBuffer(repair.Packet);
                warnings.Add(DescribeRepair(repair.DroppedNames, fileName));
                return repaired;
            }
        }
        catch (Exception exception) when (exception is XmlException or XmpException)
        {
            // System.Xml names the line and position of broken XML, where XmpCore says "Unsupported Encoding";
            // after a repair, what XmpCore still refuses is the real problem.
            problem = exception;
        }

        throw new ImageFileException(
            $"{fileName} holds XMP metadata that cannot be parsed ({problem.Message}); it was left unchanged so nothing in it is lost.",
            problem);
    }

    private static string DescribeRepair(IReadOnlyList<string> droppedNames, string fileName)
    {
        const int namesShown = 3;
        var repeated = droppedNames.Distinct(StringComparer.Ordinal).ToList();
        var shown = string.Join(", ", repeated.Take(namesShown)) + (repeated.Count > namesShown ? ", …" : "");
        var properties = repeated.Count == 1 ? "1 property" : $"{repeated.Count} properties";
        var copies = droppedNames.Count == 1 ? "1 extra copy" : $"{droppedNames.Count} extra copies";
        return $"{fileName}: its XMP repeated {properties} ({shown}; {copies} in all, as GIMP 2.8 is known to write); the first value of each was kept.";
    }

    private static void SetAltText(IXmpMeta xmp, string ns, string name, string text)
    {
        xmp.DeleteProperty(ns, name);
        if (!string.IsNullOrWhiteSpace(text))
        {
            xmp.SetLocalizedText(ns, name, "", XmpConstants.XDefault, text);
        }
    }

    private static void SetText(IXmpMeta xmp, string ns, string name, string? text)
    {
        xmp.DeleteProperty(ns, name);
        if (!string.IsNullOrWhiteSpace(text))
        {
            xmp.SetProperty(ns, name, text);
        }
    }
}
