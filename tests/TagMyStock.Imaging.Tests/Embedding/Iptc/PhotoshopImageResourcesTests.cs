using System.Security.Cryptography;

namespace TagMyStock.Imaging.Embedding.Iptc;

public sealed class PhotoshopImageResourcesTests
{
    private static byte[] SampleBlocks()
    {
        var app13 = ImageStructure.Jpeg(TestData.Bytes("photoshop-app13.jpg")).Segments.Single(segment => segment.IsPhotoshop);
        return app13.Payload["Photoshop 3.0\0".Length..];
    }

    [Fact]
    public void Parsing_and_writing_back_gives_the_same_bytes()
    {
        var blocks = SampleBlocks();

        Assert.Equal(blocks, PhotoshopImageResources.Parse(blocks).ToArray());
    }

    [Fact]
    public void Replacing_iptc_updates_the_digest_in_place_and_keeps_the_rest()
    {
        var resources = PhotoshopImageResources.Parse(SampleBlocks());
        byte[] iim = [0x1C, 2, 0, 0, 2, 0, 4, 0x1C, 2, 5, 0, 1, (byte)'T'];

        resources.ReplaceIptc(iim);

        var written = PhotoshopImageResources.Parse(resources.ToArray());
        Assert.Equal(iim, written.Get(PhotoshopImageResources.IptcNaa).ToArray());
        Assert.Equal(MD5.HashData(iim), written.Get(PhotoshopImageResources.IptcDigest).ToArray());
        Assert.Equal(16, written.Get(0x03ED).Length);
        Assert.Equal("https://example.com/"u8.ToArray(), written.Get(0x040B).ToArray());
    }

    [Fact]
    public void An_empty_iptc_block_removes_iptc_and_its_digest()
    {
        var resources = PhotoshopImageResources.Parse(SampleBlocks());

        resources.ReplaceIptc([]);

        Assert.True(resources.Get(PhotoshopImageResources.IptcNaa).IsEmpty);
        Assert.True(resources.Get(PhotoshopImageResources.IptcDigest).IsEmpty);
        Assert.False(resources.IsEmpty);
    }

    [Fact]
    public void New_resources_go_in_id_order_and_unparsable_bytes_are_kept()
    {
        byte[] tail = [0xDE, 0xAD];
        var resources = PhotoshopImageResources.Parse([.. "8BIM"u8, 0x04, 0x0A, 0, 0, 0, 0, 0, 1, 1, 0, .. tail]);

        resources.ReplaceIptc([0x1C, 2, 0, 0, 2, 0, 4]);

        var bytes = resources.ToArray();
        Assert.Equal(tail, bytes[^2..]);
        Assert.Equal([PhotoshopImageResources.IptcNaa, 0x040A, PhotoshopImageResources.IptcDigest], ResourceIds(bytes[..^2]));
    }

    private static List<int> ResourceIds(byte[] blocks)
    {
        var ids = new List<int>();
        var position = 0;
        while (position < blocks.Length)
        {
            ids.Add((blocks[position + 4] << 8) | blocks[position + 5]);
            var size = (blocks[position + 8] << 24) | (blocks[position + 9] << 16) | (blocks[position + 10] << 8) | blocks[position + 11];
            position += 12 + size + (size % 2);
        }

        return ids;
    }
}
