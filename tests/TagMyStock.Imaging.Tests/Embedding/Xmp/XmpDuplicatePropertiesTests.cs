using System.Text;
using System.Xml;
using XmpCore;

namespace TagMyStock.Imaging.Embedding.Xmp;

public sealed class XmpDuplicatePropertiesTests
{
    private const string Exif = "http://ns.adobe.com/exif/1.0/";
    private const string Example = "http://example.com/ns/";

    [Fact]
    public void A_packet_without_repeats_is_left_alone()
    {
        var packet = Packet("<rdf:Description rdf:about='' ex:Make='SONY'><ex:Model>RX100</ex:Model></rdf:Description>");

        Assert.Null(XmpDuplicateProperties.Remove(packet, 0, packet.Length));
    }

    [Fact]
    public void The_first_of_repeated_elements_is_kept_with_its_whitespace()
    {
        var xmp = Parse("""
            <rdf:Description rdf:about=''>
              <ex:Note>   </ex:Note><ex:Make>SONY</ex:Make><ex:Note /><ex:Make>Canon</ex:Make><ex:Make>Nikon</ex:Make>
            </rdf:Description>
            """, out var warnings);

        Assert.Equal("SONY", xmp.GetPropertyString(Example, "Make"));
        Assert.Equal("   ", xmp.GetPropertyString(Example, "Note"));
        Assert.Equal(["photo.jpg: its XMP repeated 2 properties (ex:Note, ex:Make; 3 extra copies in all, as GIMP 2.8 is known to write); the first value of each was kept."], warnings);
    }

    [Fact]
    public void An_attribute_comes_first_and_wins_over_the_same_property_as_an_element()
    {
        var xmp = Parse("<rdf:Description rdf:about='' ex:Make='SONY'><ex:Make>Canon</ex:Make></rdf:Description>", out _);

        Assert.Equal("SONY", xmp.GetPropertyString(Example, "Make"));
    }

    [Fact]
    public void Top_level_descriptions_describe_one_resource_and_share_one_scope()
    {
        var xmp = Parse(
            "<rdf:Description rdf:about=''><ex:Make>SONY</ex:Make></rdf:Description>"
            + "<rdf:Description rdf:about='' ex:Make='Canon' ex:Model='RX100'/>",
            out var warnings);

        Assert.Equal("SONY", xmp.GetPropertyString(Example, "Make"));
        Assert.Equal("RX100", xmp.GetPropertyString(Example, "Model"));
        Assert.Single(warnings);
    }

    [Fact]
    public void Each_structure_is_a_scope_of_its_own_and_array_items_are_not_repeats()
    {
        var xmp = Parse("""
            <rdf:Description rdf:about=''>
              <ex:Lens rdf:parseType='Resource'><ex:Make>Zeiss</ex:Make><ex:Make>Sony</ex:Make></ex:Lens>
              <ex:Body><rdf:Description><ex:Make>SONY</ex:Make><ex:Make>Canon</ex:Make></rdf:Description></ex:Body>
              <ex:Shots>
                <rdf:Seq>
                  <rdf:li rdf:parseType='Resource'><ex:Make>first</ex:Make><ex:Make>dropped</ex:Make></rdf:li>
                  <rdf:li rdf:parseType='Resource'><ex:Make>second</ex:Make></rdf:li>
                </rdf:Seq>
              </ex:Shots>
              <ex:Make>top level</ex:Make>
            </rdf:Description>
            """, out var warnings);

        Assert.Equal("Zeiss", xmp.GetStructField(Example, "Lens", Example, "Make").Value);
        Assert.Equal("SONY", xmp.GetStructField(Example, "Body", Example, "Make").Value);
        Assert.Equal(2, xmp.CountArrayItems(Example, "Shots"));
        Assert.Equal("first", xmp.GetStructField(Example, "Shots[1]", Example, "Make").Value);
        Assert.Equal("second", xmp.GetStructField(Example, "Shots[2]", Example, "Make").Value);
        Assert.Equal("top level", xmp.GetPropertyString(Example, "Make"));
        Assert.Equal(
            ["photo.jpg: its XMP repeated 1 property (ex:Make; 3 extra copies in all, as GIMP 2.8 is known to write); the first value of each was kept."],
            warnings);
    }

    [Fact]
    public void The_same_local_name_in_two_namespaces_is_not_a_repeat()
    {
        var xmp = Parse(
            $"<rdf:Description rdf:about='' xmlns:exif='{Exif}'><ex:Make>A</ex:Make><exif:Make>B</exif:Make><ex:Make>C</ex:Make></rdf:Description>",
            out var warnings);

        Assert.Equal("A", xmp.GetPropertyString(Example, "Make"));
        Assert.Equal("B", xmp.GetPropertyString(Exif, "Make"));
        Assert.Contains("(ex:Make; 1 extra copy in all,", Assert.Single(warnings), StringComparison.Ordinal);
    }

    [Fact]
    public void Xml_that_is_not_well_formed_is_reported_by_line_and_position()
    {
        var packet = Packet("<rdf:Description rdf:about=''><ex:Make>SONY</rdf:Description>");

        var exception = Assert.Throws<XmlException>(() => XmpDuplicateProperties.Remove(packet, 0, packet.Length));

        Assert.Equal(1, exception.LineNumber);
    }

    private static IXmpMeta Parse(string descriptions, out List<string> warnings)
    {
        var packet = Packet(descriptions);
        warnings = [];
        return XmpPacketBuilder.Parse(packet, 0, packet.Length, "photo.jpg", warnings);
    }

    private static byte[] Packet(string descriptions) => Encoding.UTF8.GetBytes(
        $"<x:xmpmeta xmlns:x='adobe:ns:meta/'><rdf:RDF xmlns:rdf='http://www.w3.org/1999/02/22-rdf-syntax-ns#' xmlns:ex='{Example}'>"
        + descriptions.Replace("\n", "", StringComparison.Ordinal)
        + "</rdf:RDF></x:xmpmeta>");
}
