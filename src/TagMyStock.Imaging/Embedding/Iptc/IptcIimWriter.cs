using System.Text;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Imaging.Embedding.Iptc;

/// <summary>
/// Builds the IPTC-IIM block (IPTC-NAA Information Interchange Model 4.2) for an image: the DataSets TagMyStock
/// owns are replaced, every other DataSet already in the file is kept.
/// </summary>
/// <remarks>
/// Owned DataSets: 1:90 Coded Character Set (always ESC % G, UTF-8), 2:00 Record Version, 2:05 Object Name
/// (title), 2:105 Headline (title, as XMP photoshop:Headline), 2:120 Caption/Abstract (description) and
/// 2:25 Keywords (one DataSet per keyword, in order). IIM caps these in bytes (IIM 4.2 §6): longer values are cut
/// at a UTF-8 character boundary, as exiftool does; the XMP written alongside always holds the full text.
/// </remarks>
internal static class IptcIimWriter
{
    private const byte EnvelopeRecord = 1;
    private const byte ApplicationRecord = 2;
    private const byte EnvelopeRecordVersion = 0;
    private const byte CodedCharacterSet = 90;
    private const byte RecordVersion = 0;
    private const byte ObjectName = 5;
    private const byte Keywords = 25;
    private const byte Headline = 105;
    private const byte CaptionAbstract = 120;

    private const int ObjectNameMaxBytes = 64;
    private const int KeywordMaxBytes = 64;
    private const int HeadlineMaxBytes = 256;
    private const int CaptionMaxBytes = 2000;

    /// <summary>IIM 4.2 §1.6: version 4 of both records.</summary>
    private static readonly byte[] Version4 = [0, 4];

    /// <summary>ISO 2022 escape sequence designating UTF-8 (ISO-IR 196), as 1:90 expects it.</summary>
    private static readonly byte[] Utf8Designation = [0x1B, 0x25, 0x47];

    /// <summary>The new IIM block, or an empty array when the image should carry no IPTC-IIM at all.</summary>
    public static byte[] Merge(ReadOnlySpan<byte> existingBlock, ImageMetadata metadata)
    {
        var existing = IptcDataSet.ParseAll(existingBlock);
        var declaredUtf8 = false;
        foreach (var dataSet in existing)
        {
            declaredUtf8 |= dataSet is { Record: EnvelopeRecord, Number: CodedCharacterSet } && dataSet.Data.AsSpan().SequenceEqual(Utf8Designation);
        }

        var dataSets = new List<IptcDataSet>();
        var hasEnvelopeVersion = false;
        foreach (var dataSet in existing)
        {
            if (IsOwned(dataSet))
            {
                continue;
            }

            hasEnvelopeVersion |= dataSet is { Record: EnvelopeRecord, Number: EnvelopeRecordVersion };
            dataSets.Add(declaredUtf8 ? dataSet : dataSet.AsUtf8());
        }

        var keptCount = dataSets.Count;
        AddText(dataSets, ObjectName, metadata.Title, ObjectNameMaxBytes);
        AddText(dataSets, Headline, metadata.Title, HeadlineMaxBytes);
        AddText(dataSets, CaptionAbstract, metadata.Description, CaptionMaxBytes);
        foreach (var keyword in metadata.Keywords)
        {
            AddText(dataSets, Keywords, keyword, KeywordMaxBytes);
        }

        var onlyEnvelopeVersionKept = keptCount == (hasEnvelopeVersion ? 1 : 0);
        if (dataSets.Count == keptCount && onlyEnvelopeVersionKept)
        {
            return [];
        }

        if (!hasEnvelopeVersion)
        {
            dataSets.Add(new IptcDataSet(EnvelopeRecord, EnvelopeRecordVersion, Version4));
        }

        dataSets.Add(new IptcDataSet(EnvelopeRecord, CodedCharacterSet, Utf8Designation));
        dataSets.Add(new IptcDataSet(ApplicationRecord, RecordVersion, Version4));

        // IIM §1.5.2: records in ascending order, DataSets ascending within a record. The sort is stable, so
        // repeated DataSets such as keywords keep their order.
        var ordered = dataSets.OrderBy(dataSet => dataSet.Record).ThenBy(dataSet => dataSet.Number);
        using var block = new MemoryStream();
        foreach (var dataSet in ordered)
        {
            dataSet.WriteTo(block);
        }

        return block.ToArray();
    }

    /// <summary>UTF-8 bytes of <paramref name="text"/>, cut to at most <paramref name="maxBytes"/> without splitting a character.</summary>
    internal static byte[] Utf8Truncated(string text, int maxBytes)
    {
        var bytes = Encoding.UTF8.GetBytes(text);
        if (bytes.Length <= maxBytes)
        {
            return bytes;
        }

        var cut = maxBytes;
        while (cut > 0 && (bytes[cut] & 0xC0) == 0x80)
        {
            cut--;
        }

        return bytes[..cut];
    }

    private static bool IsOwned(IptcDataSet dataSet) => dataSet switch
    {
        { Record: EnvelopeRecord, Number: CodedCharacterSet } => true,
        { Record: ApplicationRecord, Number: RecordVersion or ObjectName or Keywords or Headline or CaptionAbstract } => true,
        _ => false,
    };

    private static void AddText(List<IptcDataSet> dataSets, byte number, string text, int maxBytes)
    {
        if (!string.IsNullOrWhiteSpace(text))
        {
            dataSets.Add(new IptcDataSet(ApplicationRecord, number, Utf8Truncated(text, maxBytes)));
        }
    }
}
