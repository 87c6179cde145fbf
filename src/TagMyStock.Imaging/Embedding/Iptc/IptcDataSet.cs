using System.Buffers.Binary;
using System.Text;
using System.Text.Unicode;

namespace TagMyStock.Imaging.Embedding.Iptc;

/// <summary>
/// One IPTC-IIM DataSet (IPTC-NAA Information Interchange Model 4.2, §1.5): tag marker 0x1C, record number,
/// DataSet number, length, then the data.
/// </summary>
internal sealed record IptcDataSet(byte Record, byte Number, byte[] Data)
{
    private const byte TagMarker = 0x1C;

    /// <summary>IIM §1.5.1: lengths up to 32,767 fit the standard two-byte field; longer ones use the extended form.</summary>
    private const int MaxStandardLength = 0x7FFF;

    /// <summary>
    /// Parses every DataSet of an IIM block. Parsing stops at the first byte that does not start a DataSet:
    /// writers pad the block with zeros, and nothing past a damaged DataSet can be located reliably.
    /// </summary>
    public static List<IptcDataSet> ParseAll(ReadOnlySpan<byte> block)
    {
        var dataSets = new List<IptcDataSet>();
        var position = 0;
        while (position + 5 <= block.Length && block[position] == TagMarker)
        {
            var record = block[position + 1];
            var number = block[position + 2];
            int length = BinaryPrimitives.ReadUInt16BigEndian(block[(position + 3)..]);
            position += 5;
            if (length > MaxStandardLength)
            {
                // Extended DataSet: the low 15 bits give how many following bytes hold the length.
                var lengthOfLength = length & MaxStandardLength;
                if (lengthOfLength is 0 or > 4 || position + lengthOfLength > block.Length)
                {
                    break;
                }

                length = 0;
                foreach (var b in block.Slice(position, lengthOfLength))
                {
                    length = (length << 8) | b;
                }

                position += lengthOfLength;
            }

            if (length < 0 || position + length > block.Length)
            {
                break;
            }

            dataSets.Add(new IptcDataSet(record, number, block.Slice(position, length).ToArray()));
            position += length;
        }

        return dataSets;
    }

    public void WriteTo(Stream destination)
    {
        Span<byte> header = stackalloc byte[9];
        header[0] = TagMarker;
        header[1] = Record;
        header[2] = Number;
        var headerLength = 5;
        if (Data.Length <= MaxStandardLength)
        {
            BinaryPrimitives.WriteUInt16BigEndian(header[3..], (ushort)Data.Length);
        }
        else
        {
            BinaryPrimitives.WriteUInt16BigEndian(header[3..], 0x8000 | 4);
            BinaryPrimitives.WriteInt32BigEndian(header[5..], Data.Length);
            headerLength = 9;
        }

        destination.Write(header[..headerLength]);
        destination.Write(Data);
    }

    /// <summary>
    /// This DataSet re-encoded for a block declared UTF-8. Text that is not valid UTF-8 was written without a
    /// character set, which readers take as ISO 8859-1, so it is converted from that. Binary DataSets
    /// (2:00 record version, 2:200–2:202 object preview) are left alone.
    /// </summary>
    public IptcDataSet AsUtf8()
    {
        var isText = Record == 2 && Number is not (0 or 200 or 201 or 202);
        return isText && !Utf8.IsValid(Data)
            ? this with { Data = Encoding.UTF8.GetBytes(Encoding.Latin1.GetString(Data)) }
            : this;
    }
}
