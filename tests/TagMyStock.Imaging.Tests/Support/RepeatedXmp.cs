using System.Text;
using TagMyStock.Imaging.Embedding;
using TagMyStock.Imaging.Embedding.Jpeg;
using TagMyStock.Imaging.Embedding.Png;

namespace TagMyStock.Imaging;

/// <summary>
/// Test images whose XMP repeats properties the way GIMP 2.8 writes them, built from the files in Data/ with the
/// project's own segment and chunk code: the repeats come as elements, as an attribute and an element, inside a
/// structure, and across two rdf:Description elements of the same resource.
/// </summary>
internal static class RepeatedXmp
{
    public const string Packet = """
        <?xpacket begin='' id='W5M0MpCehiHzreSzNTczkc9d'?>
        <x:xmpmeta xmlns:x='adobe:ns:meta/'>
        <rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#'>
         <rdf:Description rdf:about='' xmlns:exif='http://ns.adobe.com/exif/1.0/' exif:ColorSpace='1'>
          <exif:ImageDescription />
          <exif:Make>SONY</exif:Make>
          <exif:XResolution>350</exif:XResolution>
          <exif:Software>DSC-RX100M4 v2.00</exif:Software>
          <exif:Flash rdf:parseType='Resource'>
           <exif:Fired>False</exif:Fired>
           <exif:Mode>2</exif:Mode>
           <exif:Fired>True</exif:Fired>
          </exif:Flash>
          <exif:ImageDescription />
          <exif:Make>SONY</exif:Make>
          <exif:XResolution>72</exif:XResolution>
          <exif:Software>GIMP 2.8.20</exif:Software>
          <exif:ColorSpace>65535</exif:ColorSpace>
         </rdf:Description>
         <rdf:Description rdf:about='' xmlns:dc='http://purl.org/dc/elements/1.1/' xmlns:exif='http://ns.adobe.com/exif/1.0/'>
          <dc:description><rdf:Alt><rdf:li xml:lang='x-default'>Saved by GIMP</rdf:li></rdf:Alt></dc:description>
          <exif:Software>GIMP 2.8.22</exif:Software>
         </rdf:Description>
        </rdf:RDF>
        </x:xmpmeta>
        <?xpacket end='r'?>
        """;

    /// <summary>What the embedder reports for <see cref="Packet"/> in a file named <paramref name="fileName"/>.</summary>
    public static string Warning(string fileName) =>
        $"{fileName}: its XMP repeated 6 properties (exif:Fired, exif:ImageDescription, exif:Make, …; 7 extra copies in all, "
        + "as GIMP 2.8 is known to write); the first value of each was kept.";

    /// <summary>photoshop-app13.jpg (IPTC title "Old title", keywords old and stale) with its XMP segment replaced by <paramref name="packet"/>.</summary>
    public static byte[] Jpeg(string packet = Packet)
    {
        var (segments, imageData) = ImageStructure.Jpeg(TestData.Bytes("photoshop-app13.jpg"));
        using var file = new MemoryStream();
        file.Write([0xFF, 0xD8]);
        foreach (var segment in segments)
        {
            var payload = segment.IsXmp ? [.. JpegXmp.StandardSignature, .. Encoding.UTF8.GetBytes(packet)] : segment.Payload;
            JpegSegment.Write(file, segment.Marker, payload);
        }

        file.Write(imageData);
        return file.ToArray();
    }

    /// <summary>plain.png with an uncompressed XMP iTXt chunk holding <paramref name="packet"/> right after IHDR.</summary>
    public static byte[] Png(string packet = Packet)
    {
        var chunks = ImageStructure.Png(TestData.Bytes("plain.png"));
        using var file = new MemoryStream();
        file.Write(ImageSignature.Png);
        file.Write(chunks[0].Bytes);
        PngChunk.Create(PngChunk.InternationalText, [.. "XML:com.adobe.xmp"u8, 0, 0, 0, 0, 0, .. Encoding.UTF8.GetBytes(packet)]).WriteTo(file);
        foreach (var chunk in chunks.Skip(1))
        {
            file.Write(chunk.Bytes);
        }

        return file.ToArray();
    }
}
