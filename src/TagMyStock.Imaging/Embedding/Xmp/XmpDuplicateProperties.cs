using System.Text;
using System.Xml;
using System.Xml.Linq;

namespace TagMyStock.Imaging.Embedding.Xmp;

/// <summary>A packet rewritten without its repeated properties, and the qualified names of the copies dropped.</summary>
internal sealed record XmpRepair(byte[] Packet, IReadOnlyList<string> DroppedNames);

/// <summary>
/// Removes repeated properties from a serialized XMP packet, keeping the first occurrence of each.
/// </summary>
/// <remarks>
/// XMP Specification Part 1 (ISO 16684-1), §7.4: a property appears at most once in the resource an
/// rdf:Description describes, and a field at most once in a structure. GIMP 2.8 and some other tools break this,
/// appending the Exif properties again at every save, and XmpCore refuses such a packet as a whole. Scopes follow
/// the RDF: all top-level rdf:Description elements of one rdf:RDF describe the same resource and share one scope;
/// every structure (a nested rdf:Description or an element with rdf:parseType="Resource") has its own. A property
/// is named by namespace URI and local name, whether written as an attribute or as an element; the attribute
/// comes first in the document, so that form wins when both appear.
/// </remarks>
internal static class XmpDuplicateProperties
{
    private static readonly XNamespace Rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#";
    private static readonly XName ParseType = Rdf + "parseType";
    private static readonly XName[] ArrayNames = [Rdf + "Bag", Rdf + "Seq", Rdf + "Alt"];

    private static readonly XmlReaderSettings ReaderSettings = new() { DtdProcessing = DtdProcessing.Prohibit, XmlResolver = null };

    private static readonly XmlWriterSettings WriterSettings = new() { Encoding = new UTF8Encoding(false), OmitXmlDeclaration = true };

    /// <summary>The packet without its repeated properties; null when it has none.</summary>
    /// <exception cref="XmlException">The packet is not well-formed XML; the message gives line and position.</exception>
    public static XmpRepair? Remove(byte[] buffer, int offset, int count)
    {
        XDocument document;
        using (var reader = XmlReader.Create(new MemoryStream(buffer, offset, count, writable: false), ReaderSettings))
        {
            document = XDocument.Load(reader, LoadOptions.PreserveWhitespace);
        }

        var dropped = new List<string>();
        foreach (var rdf in document.Descendants(Rdf + "RDF"))
        {
            var resource = new HashSet<XName>();
            foreach (var description in rdf.Elements(Rdf + "Description"))
            {
                RemoveRepeats(description, resource, dropped);
            }
        }

        if (dropped.Count == 0)
        {
            return null;
        }

        using var repaired = new MemoryStream();
        using (var writer = XmlWriter.Create(repaired, WriterSettings))
        {
            document.Save(writer);
        }

        return new XmpRepair(repaired.ToArray(), dropped);
    }

    /// <summary>Drops the properties of <paramref name="holder"/> already in <paramref name="seen"/>, then looks into the values kept.</summary>
    private static void RemoveRepeats(XElement holder, HashSet<XName> seen, List<string> dropped)
    {
        foreach (var attribute in holder.Attributes().Where(IsProperty).ToList())
        {
            if (!seen.Add(attribute.Name))
            {
                dropped.Add(QualifiedName(holder, attribute.Name));
                attribute.Remove();
            }
        }

        foreach (var property in holder.Elements().ToList())
        {
            if (seen.Add(property.Name))
            {
                RemoveRepeatsInValue(property, dropped);
            }
            else
            {
                dropped.Add(QualifiedName(holder, property.Name));
                property.Remove();
            }
        }
    }

    /// <summary>Looks for structures in the value of a property element or array item: each is a scope of its own.</summary>
    private static void RemoveRepeatsInValue(XElement value, List<string> dropped)
    {
        if (string.Equals((string?)value.Attribute(ParseType), "Resource", StringComparison.Ordinal))
        {
            RemoveRepeats(value, [], dropped);
            return;
        }

        foreach (var child in value.Elements())
        {
            if (child.Name == Rdf + "Description")
            {
                RemoveRepeats(child, [], dropped);
            }
            else if (ArrayNames.Contains(child.Name))
            {
                foreach (var item in child.Elements(Rdf + "li"))
                {
                    RemoveRepeatsInValue(item, dropped);
                }
            }
        }
    }

    /// <summary>Namespace declarations, rdf:about, rdf:parseType and xml:lang are not properties.</summary>
    private static bool IsProperty(XAttribute attribute) =>
        !attribute.IsNamespaceDeclaration
        && attribute.Name.Namespace != XNamespace.None
        && attribute.Name.Namespace != Rdf
        && attribute.Name.Namespace != XNamespace.Xml;

    private static string QualifiedName(XElement context, XName name) =>
        context.GetPrefixOfNamespace(name.Namespace) is { Length: > 0 } prefix ? $"{prefix}:{name.LocalName}" : name.LocalName;
}
