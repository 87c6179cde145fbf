using System.Text;
using TagMyStock.Core.Metadata;

namespace TagMyStock.Imaging.Embedding.Iptc;

public sealed class IptcIimWriterTests
{
    [Theory]
    [InlineData("abc", 3, "abc")]
    [InlineData("abcd", 3, "abc")]
    [InlineData("aé", 2, "a")]
    [InlineData("日本", 5, "日")]
    [InlineData("日本", 6, "日本")]
    public void Text_is_cut_at_a_utf8_character_boundary(string text, int maxBytes, string expected)
    {
        Assert.Equal(expected, Encoding.UTF8.GetString(IptcIimWriter.Utf8Truncated(text, maxBytes)));
    }

    [Fact]
    public void Datasets_come_in_record_and_number_order_with_keywords_in_their_own_order()
    {
        var block = IptcIimWriter.Merge([], new ImageMetadata { Title = "T", Description = "D", Keywords = ["z", "a", "m"] });

        var dataSets = IptcDataSet.ParseAll(block).Select(dataSet => $"{dataSet.Record}:{dataSet.Number}={Encoding.UTF8.GetString(dataSet.Data)}");

        Assert.Equal(["1:0=\0\u0004", "1:90=\u001B%G", "2:0=\0\u0004", "2:5=T", "2:25=z", "2:25=a", "2:25=m", "2:105=T", "2:120=D"], dataSets);
    }

    [Fact]
    public void Other_datasets_are_kept_and_latin1_text_becomes_utf8()
    {
        using var existing = new MemoryStream();
        new IptcDataSet(2, 5, "Old"u8.ToArray()).WriteTo(existing);
        new IptcDataSet(2, 90, Encoding.Latin1.GetBytes("Zürich")).WriteTo(existing);
        new IptcDataSet(2, 25, "old"u8.ToArray()).WriteTo(existing);

        var dataSets = IptcDataSet.ParseAll(IptcIimWriter.Merge(existing.ToArray(), new ImageMetadata { Keywords = ["new"] }));

        Assert.Equal("Zürich", Encoding.UTF8.GetString(Assert.Single(dataSets, dataSet => dataSet is { Record: 2, Number: 90 }).Data));
        Assert.Equal("new", Encoding.UTF8.GetString(Assert.Single(dataSets, dataSet => dataSet is { Record: 2, Number: 25 }).Data));
        Assert.DoesNotContain(dataSets, dataSet => dataSet is { Record: 2, Number: 5 });
    }

    [Fact]
    public void Nothing_to_write_and_nothing_kept_gives_no_block()
    {
        using var existing = new MemoryStream();
        new IptcDataSet(1, 90, [0x1B, 0x25, 0x47]).WriteTo(existing);
        new IptcDataSet(2, 25, "old"u8.ToArray()).WriteTo(existing);

        Assert.Empty(IptcIimWriter.Merge(existing.ToArray(), ImageMetadata.Empty));
    }

    [Fact]
    public void Long_datasets_use_the_extended_length_form_and_parse_back()
    {
        var preview = new IptcDataSet(2, 202, Enumerable.Range(0, 40_000).Select(index => (byte)index).ToArray());
        using var block = new MemoryStream();
        preview.WriteTo(block);

        var parsed = Assert.Single(IptcDataSet.ParseAll(block.ToArray()));

        Assert.Equal(preview.Data, parsed.Data);
    }
}
